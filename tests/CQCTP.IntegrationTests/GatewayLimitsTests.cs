using System.Net;
using Microsoft.AspNetCore.Http;

namespace CQCTP.IntegrationTests;

/// <summary>Limits the gateway applies before a request reaches a service, on the real gateway in-process.</summary>
public sealed class GatewayLimitsTests
{
    private const string Protected = "/api/v1/membership/organizations";

    /// <summary>Room for a few dozen requests to an in-process gateway, its first (JIT-bound) one included.</summary>
    private static readonly TimeSpan InProcessRoom = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer bogus.token.value")]
    public async Task RefusedCallers_AreLimitedPerIpBeforeAuthentication(string? authorization)
    {
        await using var gateway = new InProcessGateway(new Dictionary<string, string>
        {
            ["RateLimits:PerIp:PermitLimit"] = "30",
        });
        await RateLimitWindow.WaitForRoomAsync(InProcessRoom);
        using var client = gateway.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 35; i++)
        {
            using var response = await client.GetAsync(Protected);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(30), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task UnknownPaths_AreLimitedLikeAnyAnonymousRoute()
    {
        await using var gateway = new InProcessGateway(new Dictionary<string, string>
        {
            ["RateLimits:Anonymous:PermitLimit"] = "5",
        });
        await RateLimitWindow.WaitForRoomAsync(InProcessRoom);
        using var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await client.GetAsync("/nowhere");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 5), statuses.Take(5));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2), statuses.Skip(5));
    }

    [Fact]
    public async Task RetryAfter_SaysWhenTheWindowFreesUp()
    {
        await using var gateway = new InProcessGateway(new Dictionary<string, string>
        {
            ["RateLimits:PerIp:PermitLimit"] = "1",
            ["RateLimits:PerIp:Window"] = "01:00:00",
        });
        using var client = gateway.CreateClient();
        await RateLimitWindow.WaitForRoomAsync(InProcessRoom, TimeSpan.FromHours(1));
        (await client.GetAsync(Protected)).Dispose();

        using var refused = await client.GetAsync(Protected);
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.IsType<TimeSpan>(refused.Headers.RetryAfter?.Delta);
        var untilTheHour = TimeSpan.FromHours(1) - TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerHour);
        Assert.InRange(retryAfter.TotalSeconds, untilTheHour.TotalSeconds - 2, untilTheHour.TotalSeconds + 2);
    }

    [Fact]
    public async Task ApiReference_HasAStrictContentSecurityPolicy()
    {
        await using var gateway = new InProcessGateway(new Dictionary<string, string>());
        using var client = gateway.CreateClient();

        using var page = await client.GetAsync("/api-reference");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("src=\"https?://", html);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task XForwardedForFromAnUnknownSender_DoesNotOpenANewPerIpBudget(bool forwardedHeadersSwitchOn)
    {
        await using var gateway = new InProcessGateway(new Dictionary<string, string>
        {
            ["RateLimits:PerIp:PermitLimit"] = "3",
            // ASPNETCORE_FORWARDEDHEADERS_ENABLED, which Aspire sets on the projects it publishes: ASP.NET Core's own
            // set-up then believes anyone.
            ["FORWARDEDHEADERS_ENABLED"] = forwardedHeadersSwitchOn ? "true" : "false",
        });

        await RateLimitWindow.WaitForRoomAsync(InProcessRoom);
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            var context = await gateway.Server.SendAsync(c =>
            {
                c.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = Protected;
                c.Request.Headers["X-Forwarded-For"] = $"198.51.100.{i}";
            });
            statuses.Add((HttpStatusCode)context.Response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests], statuses);
    }
}
