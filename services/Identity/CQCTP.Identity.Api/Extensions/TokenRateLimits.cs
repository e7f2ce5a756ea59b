using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.RateLimiting;
using CQCTP.Identity.Api.Endpoints;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CQCTP.Identity.Api.Extensions;

/// <summary>
/// Limits on <c>/connect/token</c> in the identity service itself, per client id and per caller address, so a run of
/// wrong secrets is cut off (429) even when the service is reached without the gateway. They run before
/// authentication, where OpenIddict checks the secret, so a refused request costs no PBKDF2 run.
/// </summary>
public static class TokenRateLimits
{
    private static readonly RateLimitPartition<string> NoLimit = RateLimitPartition.GetNoLimiter(string.Empty);

    public static IHostApplicationBuilder AddTokenRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<TokenRateLimitSettings>(builder.Configuration.GetSection(TokenRateLimitSettings.Section));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<TokenRateLimitSettings>>((options, settings) =>
            {
                var limits = settings.Value;
                options.OnRejected = RateLimitRejection.WriteAsync;
                options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    PartitionedRateLimiter.Create<HttpContext, string>(context => IsTokenRequest(context)
                        ? FixedWindow($"ip:{context.Connection.RemoteIpAddress ?? IPAddress.None}", limits.PerIp)
                        : NoLimit),
                    PartitionedRateLimiter.Create<HttpContext, string>(context =>
                        IsTokenRequest(context) && ClientIdOf(context.Request) is { } clientId
                            ? FixedWindow($"client:{clientId}", limits.PerClient)
                            : NoLimit));
            });
        return builder;
    }

    /// <summary>Reads a token request's form first: the limiter looks for the client id in it and cannot wait.</summary>
    public static WebApplication UseTokenRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsTokenRequest(context) && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static bool IsTokenRequest(HttpContext context) =>
        context.Request.Path.Equals(TokenEndpoint.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The client id in the form (client_secret_post) or in HTTP Basic (client_secret_basic, RFC 6749 §2.3.1).</summary>
    private static string? ClientIdOf(HttpRequest request)
    {
        if (request.HasFormContentType && request.Form["client_id"].ToString() is { Length: > 0 } posted)
        {
            return posted;
        }

        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { } parameter)
        {
            var bytes = new byte[parameter.Length];
            if (Convert.TryFromBase64String(parameter, bytes, out var written)
                && Encoding.UTF8.GetString(bytes, 0, written) is var pair && pair.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                return Uri.UnescapeDataString(pair[..colon]);
            }
        }

        return null;
    }

    private static RateLimitPartition<string> FixedWindow(string key, FixedWindowLimit limit) =>
        WallClockWindowLimiter.Partition(key, limit);
}
