using CQCTP.Gateway;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Transforms;

namespace CQCTP.IntegrationTests;

public sealed class GatewayTransformTests
{
    [Fact]
    public void StripIdentityHeaders_RemovesClientSentIdentityAndKeepsTheRest()
    {
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "http://membership-api/api/v1/membership/organizations");
        proxied.Headers.Add("X-User-Id", "staff");
        proxied.Headers.Add("X-Organization-Id", Guid.NewGuid().ToString());
        proxied.Headers.Add("x-client-id", "dev-staff");
        proxied.Headers.Add("X-Forwarded-User", "admin");
        proxied.Headers.Add("Remote-User", "admin");
        proxied.Headers.Add("X-Scope", "membership.write");
        proxied.Headers.TryAddWithoutValidation("Authorization", "Bearer token");
        proxied.Headers.Add("Accept-Language", "en");
        proxied.Headers.Add("Idempotency-Key", "k1");
        var context = new RequestTransformContext
        {
            HttpContext = new DefaultHttpContext(),
            ProxyRequest = proxied,
            Path = "/api/v1/membership/organizations",
            DestinationPrefix = "http://membership-api",
        };

        GatewaySecurity.StripIdentityHeaders(context);

        Assert.Equal(["Accept-Language", "Authorization", "Idempotency-Key"],
            proxied.Headers.Select(h => h.Key).Order(StringComparer.Ordinal));
    }
}
