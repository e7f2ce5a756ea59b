using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CQCTP.AppHost;

internal static class ReadinessExtensions
{
    // One client for every probe: short timeouts, no connection kept between checks that matter.
    private static readonly HttpClient Probe = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// Like Aspire's <c>WithHttpHealthCheck</c> (200 from <paramref name="path"/> on the <c>http</c> endpoint), but the
    /// resource is reported healthy within 200 ms of being ready rather than at Aspire's next poll (<see cref="ReadinessProbe"/>).
    /// </summary>
    public static IResourceBuilder<T> WithReadinessCheck<T>(this IResourceBuilder<T> builder, string path)
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.GetEndpoint("http");
        var key = $"{builder.Resource.Name}_ready";
        Func<CancellationToken, Task<HealthCheckResult>> probe = async ct =>
        {
            if (!endpoint.IsAllocated)
            {
                return HealthCheckResult.Unhealthy("Its endpoint is not allocated yet.");
            }

            try
            {
                using var response = await Probe.GetAsync(new Uri(new Uri(endpoint.Url), path), ct);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"{path} answered {(int)response.StatusCode}.");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"{path} did not answer: {ex.Message}");
            }
        };
        builder.ApplicationBuilder.Services.AddReadinessCheck(key, probe);
        return builder.WithHealthCheck(key);
    }

    /// <summary>A health check named <paramref name="key"/> that answers through a <see cref="ReadinessProbe"/>.</summary>
    public static void AddReadinessCheck(this IServiceCollection services, string key,
        Func<CancellationToken, Task<HealthCheckResult>> probe) =>
        services.AddHealthChecks().AddAsyncCheck(key, new ReadinessProbe(probe).CheckAsync);
}
