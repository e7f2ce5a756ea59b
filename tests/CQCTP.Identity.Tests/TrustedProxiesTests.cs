using System.Globalization;
using System.Net;
using System.Text;
using CQCTP.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace CQCTP.Identity.Tests;

/// <summary>
/// <c>X-Forwarded-For</c> decides which address the token endpoint's per-address limit counts, so it is believed
/// from a configured proxy only; otherwise any caller could name a new address for each guess.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class TrustedProxiesTests(IdentityFixture fixture)
{
    private const int PerAddress = 3;
    private static readonly IPAddress Gateway = IPAddress.Parse("10.0.0.1");
    private static readonly IPAddress Stranger = IPAddress.Parse("192.0.2.7");
    private static readonly IPAddress WarmUp = IPAddress.Parse("203.0.113.9");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Token_XForwardedFor_CountsOnlyWhenAConfiguredProxySendsIt(bool aspireSwitchOn)
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("ForwardedHeaders:KnownProxies:0", Gateway.ToString());
            host.UseSetting("RateLimits:Token:PerIp:PermitLimit", PerAddress.ToString(CultureInfo.InvariantCulture));
            // ASPNETCORE_FORWARDEDHEADERS_ENABLED, which Aspire sets on the projects it publishes: ASP.NET Core's own
            // set-up then believes anyone.
            host.UseSetting("FORWARDEDHEADERS_ENABLED", aspireSwitchOn ? "true" : "false");
        });

        // The counted runs must fall in one clock-aligned minute: on a loaded machine the host's first request (JIT,
        // OpenIddict, the bus still connecting) can take seconds, so it is made here, from an address not counted.
        await StatusesAsync(factory.Server, WarmUp, requests: 1);
        await RateLimitWindow.WaitForRoomAsync(TimeSpan.FromSeconds(15));
        var fromStranger = await StatusesAsync(factory.Server, Stranger);
        var fromGateway = await StatusesAsync(factory.Server, Gateway);

        // The stranger's made-up addresses are ignored: every request counts against its own address.
        Assert.Equal(HttpStatusCode.TooManyRequests, fromStranger[^1]);
        // The gateway's are believed: one request from each of four callers.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, fromGateway);
    }

    /// <summary>Token requests from <paramref name="remote"/> (by default one more than the per-address limit), each naming another caller.</summary>
    private static async Task<List<HttpStatusCode>> StatusesAsync(TestServer server, IPAddress remote,
        int requests = PerAddress + 1)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= requests; i++)
        {
            var caller = $"198.51.100.{i}";
            var form = $"grant_type=client_credentials&client_id={Clients.NewId()}&client_secret=guess";
            var context = await server.SendAsync(c =>
            {
                c.Connection.RemoteIpAddress = remote;
                c.Request.Method = HttpMethods.Post;
                c.Request.Scheme = "http";
                c.Request.Host = new HostString("identity.internal");
                c.Request.Path = Tokens.Endpoint;
                c.Request.Headers["X-Forwarded-For"] = caller;
                c.Request.ContentType = "application/x-www-form-urlencoded";
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
            });
            statuses.Add((HttpStatusCode)context.Response.StatusCode);
        }

        return statuses;
    }
}
