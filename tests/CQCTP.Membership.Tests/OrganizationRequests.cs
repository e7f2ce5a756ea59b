using System.Net.Http.Headers;
using System.Text;
using CQCTP.Membership.Api.Endpoints;

namespace CQCTP.Membership.Tests;

/// <summary>The organization requests the tests send, as raw JSON so a test can send what no serializer would.</summary>
internal static class OrganizationRequests
{
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, OrganizationsEndpoints.Prefix)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PatchAsync(this HttpClient client, string location,
        EntityTagHeaderValue etag, string patch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, location)
        {
            Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.IfMatch.Add(etag);
        return await client.SendAsync(request);
    }
}
