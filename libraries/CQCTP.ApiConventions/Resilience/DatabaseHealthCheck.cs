using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CQCTP.ApiConventions.Resilience;

/// <summary>
/// The service's database answers <c>select 1</c> in time. The probe does not wait on a frozen server (Npgsql's
/// cancellation can take half a minute there): past its timeout it reports the failure and lets the attempt finish alone.
/// </summary>
internal sealed class DatabaseHealthCheck<TContext>(IServiceScopeFactory scopes) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var attempt = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TContext>().Database.CanConnectAsync(cancellationToken);
        }, CancellationToken.None);
        var answered = await Task.WhenAny(attempt, Task.Delay(Timeout.Infinite, cancellationToken)
            .ContinueWith(_ => { }, TaskScheduler.Default)) == attempt;
        if (!answered)
        {
            _ = attempt.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return new HealthCheckResult(context.Registration.FailureStatus, "no answer in time");
        }

        try
        {
            return await attempt ? HealthCheckResult.Healthy() : new HealthCheckResult(context.Registration.FailureStatus);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, exception: ex);
        }
    }
}
