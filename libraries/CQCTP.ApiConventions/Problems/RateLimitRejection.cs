using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.ApiConventions.Problems;

/// <summary>The platform's answer over a rate limit (gateway and identity service alike): 429, Retry-After, ProblemDetails.</summary>
public static class RateLimitRejection
{
    /// <summary>For <see cref="RateLimiterOptions.OnRejected"/>: <c>too-many-requests</c>, Retry-After in whole seconds.</summary>
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        await WriteAsync(rejected.HttpContext, rejected.Lease);
    }

    /// <summary>For a limiter applied by hand (the gateway's per-IP limit before authentication).</summary>
    public static async Task WriteAsync(HttpContext context, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lease);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter =
            Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ApiProblems.Create(ProblemCatalog.TooManyRequests),
        });
    }
}
