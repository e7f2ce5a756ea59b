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
    /// <remarks>
    /// With <paramref name="afterHealthy"/>, the resource is not asked until each of those resources is healthy: the
    /// gateway's readiness includes every service's, so asking it while they start only made it try each of them, five
    /// times a second, and log every refusal as an error (428 of them, 1.4 MB of stack traces, in one Development start).
    /// </remarks>
    public static IResourceBuilder<T> WithReadinessCheck<T>(this IResourceBuilder<T> builder, string path,
        params IEnumerable<IResource> afterHealthy)
        where T : IResourceWithEndpoints
    {
        var prerequisites = afterHealthy.Select(r => r.Name).ToArray();
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
        builder.ApplicationBuilder.Services.AddReadinessCheck(key, (services, ct) =>
            FirstNotHealthy(services.GetRequiredService<ResourceNotificationService>(), prerequisites) is { } waiting
                ? Task.FromResult(HealthCheckResult.Unhealthy($"Waiting for {waiting} to be healthy."))
                : probe(ct));
        return builder.WithHealthCheck(key);
    }

    /// <summary>A health check named <paramref name="key"/> that answers through a <see cref="ReadinessProbe"/>.</summary>
    public static void AddReadinessCheck(this IServiceCollection services, string key,
        Func<CancellationToken, Task<HealthCheckResult>> probe) =>
        services.AddReadinessCheck(key, (_, ct) => probe(ct));

    /// <summary>As above, for a probe that needs the AppHost's services.</summary>
    public static void AddReadinessCheck(this IServiceCollection services, string key,
        Func<IServiceProvider, CancellationToken, Task<HealthCheckResult>> probe)
    {
        // One probe per check for the AppHost's lifetime: it remembers whether the resource was ever healthy.
        services.AddKeyedSingleton(key, (provider, _) => new ReadinessProbe(ct => probe(provider, ct)));
        services.AddHealthChecks().Add(new HealthCheckRegistration(key,
            provider => provider.GetRequiredKeyedService<ReadinessProbe>(key), failureStatus: null, tags: null));
    }

    private static string? FirstNotHealthy(ResourceNotificationService notifications, string[] resources) =>
        resources.FirstOrDefault(name =>
            !(notifications.TryGetCurrentState(name, out var state) && state.Snapshot.HealthStatus == HealthStatus.Healthy));
}
