using System.Globalization;
using System.Net;
using System.Text.Json;
using CQCTP.Gateway;
using CQCTP.Security;
using CQCTP.Testing.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Model;

namespace CQCTP.IntegrationTests;

/// <summary>
/// OWASP API4, bursts: every endpoint the gateway serves (each proxy route, its own pages and probes, the fallback)
/// answers a burst over its budget with 429, <c>Retry-After</c> and the <c>too-many-requests</c> problem. The abuse
/// suite's platform raises the limits so its other attacks are not throttled; this runs the real gateway in-process
/// with tiny ones, so a route added without a rate-limiter policy fails here the day it lands.
/// </summary>
public sealed class GatewayBurstTests
{
    private const int Budget = 2;

    [Fact]
    public async Task Api4_EveryGatewayEndpoint_AnswersABurstOverItsBudgetWith429AndRetryAfter()
    {
        var (endpoints, failures) = await BurstEveryEndpointAsync(new Dictionary<string, string>());

        Console.WriteLine($"API4 bursts: {endpoints} gateway endpoints, {endpoints * (Budget + 1)} requests");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Api4_ARouteWithoutARateLimiterPolicy_IsNamed()
    {
        var (_, failures) = await BurstEveryEndpointAsync(new Dictionary<string, string>
        {
            ["ReverseProxy:Routes:membership-directory:RateLimiterPolicy"] = "",
        });

        var failure = Assert.Single(failures);
        Assert.StartsWith("GET /api/v1/membership/directory ", failure, StringComparison.Ordinal);
    }

    private static async Task<(int Endpoints, List<string> Failures)> BurstEveryEndpointAsync(
        Dictionary<string, string> overrides)
    {
        var settings = new Dictionary<string, string>(overrides)
        {
            // High, so what refuses the burst is each endpoint's own policy, not the per-IP safety net.
            ["RateLimits:PerIp:PermitLimit"] = "1000",
        };
        foreach (var policy in new[] { "PerClient", "Anonymous", "AnonymousWrite", "Token", "Probe" })
        {
            settings[$"RateLimits:{policy}:PermitLimit"] = Budget.ToString(CultureInfo.InvariantCulture);
        }

        // Requests that pass their limit are forwarded: to a closed loopback port, never to a resolved name.
        foreach (var service in GatewayExtensions.Services)
        {
            settings[$"services:{service}-api:http:0"] = "http://127.0.0.1:9";
        }

        await using var gateway = new InProcessGateway(settings);
        var server = gateway.Server;
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        await RateLimitWindow.WaitForRoomAsync(TimeSpan.FromSeconds(20));

        var failures = new List<string>();
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                .FirstOrDefault(m => m != HttpMethods.Options) ?? HttpMethods.Get;
            var path = Concrete(endpoint.RoutePattern);
            var audience = endpoint.Metadata.GetMetadata<RouteModel>()?.Config.AuthorizationPolicy;
            var token = audience is not null && Audiences.All.Contains(audience)
                ? gateway.Tokens.Issue(new TestCaller($"burst-{i}", Scopes.Staff), audience)
                : null;
            var caller = IPAddress.Parse($"198.18.{i / 250}.{1 + (i % 250)}");

            HttpContext last = null!;
            for (var request = 0; request <= Budget; request++)
            {
                last = await server.SendAsync(c =>
                {
                    c.Connection.RemoteIpAddress = caller;
                    c.Request.Method = method;
                    c.Request.Path = path;
                    if (token is not null)
                    {
                        c.Request.Headers.Authorization = $"Bearer {token}";
                    }
                });
            }

            var name = $"{method} {path} ({endpoint.DisplayName})";
            if (last.Response.StatusCode != StatusCodes.Status429TooManyRequests)
            {
                failures.Add($"{name}: {last.Response.StatusCode} after {Budget + 1} requests");
                continue;
            }

            if (!int.TryParse(last.Response.Headers.RetryAfter, out var seconds) || seconds is < 1 or > 60)
            {
                failures.Add($"{name}: Retry-After '{last.Response.Headers.RetryAfter}'");
            }

            using var problem = await JsonDocument.ParseAsync(last.Response.Body);
            if (problem.RootElement.GetProperty("code").GetString() != "too-many-requests")
            {
                failures.Add($"{name}: problem code {problem.RootElement.GetProperty("code")}");
            }
        }

        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<RouteModel>() is not null);
        return (endpoints.Count, failures);
    }

    /// <summary>A path the pattern matches: every parameter, catch-alls included, filled with a plain segment.</summary>
    private static string Concrete(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "x",
        }))));
}
