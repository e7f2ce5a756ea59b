using System.Text.Json;
using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Events;
using CQCTP.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>
/// Turns a batch of stream messages into delivery rows, one per enabled subscription that wants each event, and saves
/// the batch's last offset in the same transaction: all of it or nothing, so a restart resumes right after what was
/// committed. A row already there (same subscription and <c>messageId</c>) is left alone, so a replay is a no-op.
/// </summary>
public sealed class WebhookDeliveryWriter(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly Dictionary<string, string> EventNames =
        IntegrationEvents.Public.ToDictionary(EventSubscriptions.ExchangeName, t => t.Name, StringComparer.Ordinal);

    /// <summary>The offset last committed for <paramref name="stream"/>, or -1 when none was.</summary>
    public async Task<long> LastOffsetAsync(string stream, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var checkpoint = await db.StreamCheckpoints.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Stream == stream, cancellationToken);
        return checkpoint?.Offset ?? -1;
    }

    /// <summary>Writes <paramref name="batch"/> (in stream order); returns how many delivery rows it created.</summary>
    public async Task<int> WriteAsync(string stream, IReadOnlyList<StreamEvent> batch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Personal events have no exchange in the map: their offset advances, nothing is delivered.
        var events = batch.Select(e => EventNames.TryGetValue(e.Exchange, out var type) && MessageId(e.Body) is { } id
            ? new Parsed(id, type, System.Text.Encoding.UTF8.GetString(e.Body.Span))
            : null).OfType<Parsed>().ToList();
        var offset = batch.Max(e => e.Offset);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var now = clock.GetUtcNow();
        // The platform's DbContexts retry transient failures; a transaction of ours runs whole inside that strategy.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = events.Count > 0 ? await InsertAsync(db, events, now, ct) : 0;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO stream_checkpoints (stream, "offset", updated_at) VALUES ({stream}, {offset}, {now})
                ON CONFLICT (stream) DO UPDATE SET "offset" = excluded."offset", updated_at = excluded.updated_at
                """, ct);
            await transaction.CommitAsync(ct);
            return created;
        }, cancellationToken);
    }

    /// <summary>
    /// One query for the batch's subscriptions, one statement for all its rows. Not cached across batches: a
    /// subscription registered, changed or disabled (here or by another replica) counts from the next batch on.
    /// </summary>
    private static async Task<int> InsertAsync(IntegrationsDbContext db, List<Parsed> events, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var types = events.Select(e => e.EventType).Distinct(StringComparer.Ordinal).ToArray();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.Enabled && s.EventTypes.Any(t => types.Contains(t)))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.EventTypes }).ToListAsync(cancellationToken);
        var ids = new List<Guid>();
        var subscriptionIds = new List<Guid>();
        var eventIndexes = new List<int>();
        var dueTimes = new DateTimeOffset[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            // A microsecond apart (PostgreSQL's precision): the dispatcher and the delivery log keep stream order.
            dueTimes[i] = now.AddTicks(i * TimeSpan.TicksPerMicrosecond);
            foreach (var subscription in subscriptions.Where(s => s.EventTypes.Contains(events[i].EventType)))
            {
                ids.Add(Guid.CreateVersion7(dueTimes[i]));
                subscriptionIds.Add(subscription.Id);
                eventIndexes.Add(i + 1);
            }
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        var messageIds = events.Select(e => e.MessageId).ToArray();
        var eventTypes = events.Select(e => e.EventType).ToArray();
        var payloads = events.Select(e => e.Payload).ToArray();
        // The same messageId twice (a republished event, even within this batch) is one delivery. The EXISTS skips a
        // subscription deleted since the query above instead of failing the batch on its foreign key.
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO webhook_deliveries (id, subscription_id, message_id, event_type, payload, status, attempts, next_attempt_at, created_at)
            SELECT r.id, r.subscription_id, e.message_id, e.event_type, e.payload, 'Pending', 0, e.due, e.due
            FROM unnest({ids.ToArray()}, {subscriptionIds.ToArray()}, {eventIndexes.ToArray()}) AS r(id, subscription_id, n)
            JOIN unnest({messageIds}, {eventTypes}, {payloads}, {dueTimes}) WITH ORDINALITY AS e(message_id, event_type, payload, due, n)
              ON e.n = r.n
            WHERE EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.id = r.subscription_id)
            ORDER BY e.n, r.subscription_id
            ON CONFLICT (subscription_id, message_id) DO NOTHING
            """, cancellationToken);
    }

    private static Guid? MessageId(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement.TryGetProperty("messageId", out var id) && id.TryGetGuid(out var guid) ? guid : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Parsed(Guid MessageId, string EventType, string Payload);
}
