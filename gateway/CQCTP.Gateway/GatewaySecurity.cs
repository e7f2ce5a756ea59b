using System.Net;
using System.Threading.RateLimiting;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.RateLimiting;
using CQCTP.Security;
using Microsoft.AspNetCore.Authorization;
using Yarp.ReverseProxy.Transforms;

namespace CQCTP.Gateway;

/// <summary>
/// The edge's share of access control: token validation per API, a named policy per route (anything else denied),
/// client-sent identity headers stripped, rate limits per client (per IP when anonymous), CORS on public routes only.
/// The services check every token again: the gateway is the first wall, not the only one.
/// </summary>
public static class GatewaySecurity
{
    /// <summary>Accepts a token for any of the platform's APIs; used by the deny-all fallback to tell 401 from 403.</summary>
    public const string AnyApiScheme = "any-api";

    /// <summary>Route rate-limiter policies (YARP <c>RateLimiterPolicy</c>).</summary>
    public const string PerClientLimit = "per-client";
    public const string AnonymousLimit = "anonymous";
    public const string AnonymousWriteLimit = "anonymous-write";
    public const string TokenLimit = "token";

    /// <summary>Health probes and the Testing-only policy report: per IP, apart from the anonymous budget.</summary>
    public const string ProbeLimit = "probe";

    /// <summary>Route CORS policy (YARP <c>CorsPolicy</c>): the coalition's public website, on anonymous routes only.</summary>
    public const string PublicWebsiteCors = "public-website";

    /// <summary>Identity assertions a caller could try to smuggle to a service; only the bearer token says who calls.</summary>
    private static readonly string[] IdentityHeaderPrefixes =
    [
        "X-User", "X-Client", "X-Organization", "X-Auth", "X-Scope", "X-Forwarded-User", "X-Remote-User",
        "Remote-User", "X-MS-Client-Principal",
    ];

    public static IHostApplicationBuilder AddGatewaySecurity(this IHostApplicationBuilder builder)
    {
        var authentication = builder.Services.AddAuthentication();
        authentication.AddPlatformJwtBearer(builder, AnyApiScheme, Audiences.All);
        var authorization = builder.Services.AddAuthorizationBuilder()
            // A route or endpoint without its own policy is refused: 401 without a token, 403 with one.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AnyApiScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(_ => false)
                .Build());
        foreach (var audience in Audiences.All)
        {
            // One scheme per API, so a token for another API is a 401 here already, as it would be at the service.
            authentication.AddPlatformJwtBearer(builder, audience, [audience]);
            authorization.AddPolicy(audience, policy => policy.AddAuthenticationSchemes(audience).RequireAuthenticatedUser());
        }

        var limits = builder.Configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        builder.Services.AddSingleton(new PerIpLimiter(PartitionedRateLimiter.Create<HttpContext, string>(context =>
            FixedWindow($"ip:{Ip(context)}", limits.PerIp))));
        builder.Services.AddRateLimiter(options =>
        {
            options.OnRejected = RateLimitRejection.WriteAsync;
            options.AddPolicy(PerClientLimit, context => context.User.ClientId() is { } client
                ? FixedWindow($"client:{client}", limits.PerClient)
                : FixedWindow($"ip:{Ip(context)}", limits.Anonymous));
            options.AddPolicy(AnonymousLimit, context => FixedWindow($"ip:{Ip(context)}", limits.Anonymous));
            options.AddPolicy(AnonymousWriteLimit, context => FixedWindow($"write:{Ip(context)}", limits.AnonymousWrite));
            options.AddPolicy(TokenLimit, context => FixedWindow($"token:{Ip(context)}", limits.Token));
            options.AddPolicy(ProbeLimit, context => FixedWindow($"probe:{Ip(context)}", limits.Probe));
        });

        var origins = builder.Configuration.GetSection("Cors:PublicWebsiteOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddPolicy(PublicWebsiteCors, policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Accept-Language")));
        return builder;
    }

    /// <summary>Removes identity headers the caller sent before the request reaches a service.</summary>
    public static void StripIdentityHeaders(RequestTransformContext context)
    {
        var forged = context.ProxyRequest.Headers
            .Select(h => h.Key)
            .Where(name => IdentityHeaderPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        foreach (var name in forged)
        {
            context.ProxyRequest.Headers.Remove(name);
        }
    }

    /// <summary>
    /// Counts every request per IP before authentication (so callers without a valid token are limited too), ahead of
    /// the per-route policies that <c>UseRateLimiter</c> applies after authorization.
    /// </summary>
    public static WebApplication UsePerIpLimit(this WebApplication app)
    {
        var limiter = app.Services.GetRequiredService<PerIpLimiter>().Limiter;
        app.Use(async (context, next) =>
        {
            using var lease = limiter.AttemptAcquire(context);
            if (!lease.IsAcquired)
            {
                await RateLimitRejection.WriteAsync(context, lease);
                return;
            }

            await next(context);
        });
        return app;
    }

    private static RateLimitPartition<string> FixedWindow(string key, FixedWindowLimit limit) =>
        WallClockWindowLimiter.Partition(key, limit);

    private static string Ip(HttpContext context) => (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
}
