using System.Net;
using System.Text;
using System.Text.Json;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

namespace CQCTP.IntegrationTests;

/// <summary>What an outside probe found on the running system, each shown closed (docs/security.md).</summary>
[Collection(PlatformCollection.Name)]
public sealed class HardeningTests(PlatformFixture fixture)
{
    private const int OverOneMebibyte = (1024 * 1024) + 1024;

    [Theory]
    [InlineData(ResourceNames.Gateway, Http.Organizations)]
    [InlineData(ResourceNames.Gateway, "/nowhere")]
    [InlineData(ResourceNames.MembershipApi, Http.Organizations)]
    [InlineData(ResourceNames.IdentityApi, "/health")]
    public async Task Responses_HaveNoServerBanner_AndCarryNosniff(string resource, string path)
    {
        using var response = await fixture.As(DevelopmentClients.Staff, resource).GetAsync(path);

        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("X-Powered-By"));
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task AuthenticatedReadThroughTheGateway_IsNeverStored_ButStillRevalidatesWithItsETag()
    {
        var path = $"{Http.Organizations}/{DevelopmentClients.OrganizationA}";
        using var response = await fixture.Gateway.GetAsync(path);
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, path);
        revalidation.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await fixture.Gateway.SendAsync(revalidation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.True(notModified.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task ServiceReachedDirectly_RefusesABodyOverTheGatewaysLimit_With413()
    {
        var before = await fixture.Gateway.CountOrganizationsAsync("Corps énorme");
        using var request = BigCreation(chunked: false);

        using var response = await fixture.As(DevelopmentClients.Staff, ResourceNames.MembershipApi).SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload-too-large", (await response.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await fixture.Gateway.CountOrganizationsAsync("Corps énorme"));
    }

    [Theory]
    [InlineData(ResourceNames.Gateway)]
    [InlineData(ResourceNames.MembershipApi)]
    public async Task OversizedChunkedBody_Answers413(string resource)
    {
        using var request = BigCreation(chunked: true);

        using var response = await fixture.As(DevelopmentClients.Staff, resource).SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload-too-large", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    private static HttpRequestMessage BigCreation(bool chunked)
    {
        var body = JsonSerializer.Serialize(new
        {
            legalName = "Corps énorme",
            description = new { fr = new string('x', OverOneMebibyte) },
        });
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Http.Organizations) { Content = content };
        // As a real client sends a large upload: the server may refuse it on its headers, before the body is on the
        // wire, rather than close the connection while the client is still writing (a broken pipe, not a 413).
        request.Headers.ExpectContinue = true;
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        return request;
    }
}
