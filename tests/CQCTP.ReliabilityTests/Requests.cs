using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CQCTP.ReliabilityTests;

internal static class Requests
{
    public const string Organizations = "/api/v1/membership/organizations";
    public const string MemberOrganizations = "/api/v1/concertation/member-organizations";

    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static HttpRequestMessage CreateOrganization(string legalName)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Organizations)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { legalName }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
            }

            Assert.False(deadline.IsCancellationRequested, $"{what}: not after {timeout.TotalSeconds:F0} s.");
            await Task.Delay(250, CancellationToken.None);
        }
    }

    public static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<bool> IsCreatedAsync(HttpClient gateway, string legalName)
    {
        using var response = await gateway.SendAsync(CreateOrganization(legalName));
        return response.StatusCode == HttpStatusCode.Created;
    }
}
