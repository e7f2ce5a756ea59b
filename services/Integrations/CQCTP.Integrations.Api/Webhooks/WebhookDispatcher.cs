using System.Collections.Concurrent;
using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Api.Domain;
using CQCTP.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>
/// Sends due deliveries: at most <see cref="WebhookOptions.MaxParallel"/> at once and one per subscription, so a slow
/// receiver holds one slot and never delays the others. A claim pushes the row's due time past the attempt's timeout
/// (a lease): if the process dies mid-attempt, the delivery is due again after it, with the same <c>webhook-id</c>.
/// </summary>
public sealed partial class WebhookDispatcher(IServiceScopeFactory scopes, WebhookSender sender, DispatchSignal signal,
    IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var free = settings.MaxParallel - inFlight.Count;
                if (free > 0)
                {
                    foreach (var delivery in await ClaimAsync(free, stoppingToken))
                    {
                        // In the map before the attempt starts: an attempt can end before a call to RunAsync even
                        // returns, and its end removes the entry, which added afterwards would stay "busy" for good.
                        var attempt = new Task<Task>(() => RunAsync(delivery, stoppingToken));
                        inFlight[delivery.SubscriptionId] = attempt.Unwrap();
                        attempt.Start(TaskScheduler.Default);
                    }
                }

                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDispatchFailed(logger, ex);
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }

        await Task.WhenAll(inFlight.Values);
    }

    private async Task<List<WebhookDelivery>> ClaimAsync(int free, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var now = clock.GetUtcNow();
        var leaseUntil = now + options.Value.Timeout + TimeSpan.FromMinutes(1);
        var busy = inFlight.Keys.ToArray();
        // The oldest due delivery of each idle subscription; the outer condition re-checks a row another replica
        // claimed meanwhile (PostgreSQL re-evaluates it on the locked row).
        return await db.WebhookDeliveries.FromSql($"""
            UPDATE webhook_deliveries AS d SET next_attempt_at = {leaseUntil}
            WHERE d.id IN (
                SELECT due.id FROM (
                    SELECT DISTINCT ON (subscription_id) id, next_attempt_at FROM webhook_deliveries
                    WHERE status = 'Pending' AND next_attempt_at <= {now} AND NOT (subscription_id = ANY({busy}))
                    ORDER BY subscription_id, next_attempt_at) AS due
                ORDER BY due.next_attempt_at LIMIT {free})
              AND d.status = 'Pending' AND d.next_attempt_at <= {now}
            RETURNING d.*
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    private async Task RunAsync(WebhookDelivery claimed, CancellationToken stoppingToken)
    {
        try
        {
            await AttemptAsync(claimed.Id, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The lease brings it back: the attempt is made again once it expires.
            LogAttemptFailed(logger, claimed.Id, ex);
        }
        finally
        {
            inFlight.TryRemove(claimed.SubscriptionId, out _);
            signal.Notify();
        }
    }

    private async Task AttemptAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        if (subscription is not { Enabled: true })
        {
            delivery.Cancel("subscription-disabled");
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var outcome = await sender.SendAsync(subscription.Url, subscription.Secret, delivery.MessageId, delivery.Payload,
            cancellationToken);
        var now = clock.GetUtcNow();
        switch (outcome.Result)
        {
            case AttemptResult.Delivered:
                delivery.Delivered(outcome.StatusCode ?? 200, now);
                break;
            case AttemptResult.Retry:
                var schedule = settings.Schedule;
                delivery.AttemptFailed(outcome.StatusCode, outcome.Error ?? "", delivery.Attempts < schedule.Count
                    ? now + schedule[delivery.Attempts]
                    : null);
                break;
            default:
                delivery.AttemptFailed(outcome.StatusCode, outcome.Error ?? "", null);
                break;
        }

        // The subscription's health changes rarely (first failure, recovery, disable); a concurrent edit through
        // the API makes the save stale: reload it and decide again.
        for (var attempt = 0; ; attempt++)
        {
            var disabled = outcome.Result switch
            {
                AttemptResult.Delivered => Recovered(subscription),
                AttemptResult.Gone => subscription.Disable(WebhookSubscription.Gone, now),
                _ => subscription.RecordFailure(now, settings.DisableAfter),
            };
            if (disabled)
            {
                outbox.Add(WebhookEvents.Disabled(subscription));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not WebhookSubscription
                    && e.Entity is not WebhookDelivery && e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }

                await db.Entry(subscription).ReloadAsync(cancellationToken);
            }
        }
    }

    private static bool Recovered(WebhookSubscription subscription)
    {
        subscription.RecordSuccess();
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due webhook deliveries failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} failed; it is tried again after its lease")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, Exception exception);
}
