using CQCTP.Identity.Api.Data;
using Microsoft.Extensions.Options;

namespace CQCTP.Identity.Api.Broker;

/// <summary>
/// Reconciles every integrator's broker user at start-up (after the migrations and the development clients) and then
/// every <see cref="BrokerProvisioningOptions.ReconcileInterval"/>. A broker that is down is logged and retried: the
/// services' own users do not depend on identity, so nothing else waits for this.
/// </summary>
public sealed class IntegratorBrokerReconciler(IServiceScopeFactory scopes, IntegratorBrokerAccounts accounts,
    IOptions<BrokerProvisioningOptions> options, TimeProvider clock, ILogger<IntegratorBrokerReconciler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!accounts.Enabled)
        {
            logger.LogInformation("No broker management API configured (Broker:Management): integrators get no broker user");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await accounts.ReconcileAsync(scope.ServiceProvider.GetRequiredService<IdentityDbContext>(), stoppingToken);
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Integrators' broker users could not be reconciled; retrying in {Interval}",
                    options.Value.ReconcileInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
