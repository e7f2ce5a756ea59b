using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CQCTP.AppHost;

/// <summary>
/// A resource's health check that, until the resource has first been healthy, keeps probing every
/// <see cref="Interval"/> for up to <see cref="Window"/> and answers as soon as it is. Aspire re-checks an unhealthy
/// resource 1, 2, 3, 4 and then every 5 seconds, so a service ready just after a check waited up to 5 s more, and
/// every resource that waits for it too (docs/benchmarks.md, start-up). Once healthy, each check probes once, so a
/// resource that goes down later (a stopped broker) is reported at Aspire's own pace.
/// </summary>
internal sealed class ReadinessProbe(Func<CancellationToken, Task<HealthCheckResult>> probe) : IHealthCheck
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private volatile bool wasHealthy;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var result = await probe(cancellationToken);
            if (result.Status == HealthStatus.Healthy)
            {
                wasHealthy = true;
                return result;
            }

            if (wasHealthy || TimeProvider.System.GetElapsedTime(started) >= Window)
            {
                return result;
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }
}
