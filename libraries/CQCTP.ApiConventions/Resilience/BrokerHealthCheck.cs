using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace CQCTP.ApiConventions.Resilience;

/// <summary>
/// The broker's connection, reported Degraded (never Unhealthy) when it is down: the outbox keeps every event until
/// the broker is back, so requests go on being served and the service must stay in rotation.
/// </summary>
internal sealed class BrokerHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Resolved here, not injected: the connection opens on first use, retrying (and blocking) while the broker is down.
        var open = Task.Run(() => services.GetRequiredService<IConnection>().IsOpen, CancellationToken.None);
        var answered = await Task.WhenAny(open, Task.Delay(Timeout.Infinite, cancellationToken)
            .ContinueWith(_ => { }, TaskScheduler.Default)) == open;
        if (!answered)
        {
            _ = open.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return new HealthCheckResult(context.Registration.FailureStatus, "no answer in time");
        }

        try
        {
            return await open ? HealthCheckResult.Healthy() : new HealthCheckResult(context.Registration.FailureStatus);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, exception: ex);
        }
    }
}
