using System.Text.Json;
using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Events;
using CQCTP.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>
/// Turns a batch of stream messages into delivery rows, one per enabled subscription that wants each event, and saves
/// the batch's last offset in the same transaction: all of it or nothing, so a restart resumes right after what was
/// committed. A row already there (same subscription and <c>messageId</c>) is left alone, so a replay is a no-op. A
/// message that can never be delivered is set aside (<see cref="UnprocessableStreamEvent"/>) and the stream goes on.
/// </summary>
public sealed class WebhookDeliveryWriter(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly Dictionary<string, string> EventNames =
        IntegrationEvents.Public.ToDictionary(EventSubscriptions.ExchangeName, t => t.Name, StringComparer.Ordinal);

    private static readonly HashSet<string> PersonalExchanges = IntegrationEvents.All.Where(IntegrationEvents.IsPersonal)
        .Select(EventSubscriptions.ExchangeName).ToHashSet(StringComparer.Ordinal);

    /// <summary>The offset last committed for <paramref name="stream"/>, or -1 when none was.</summary>
    public async Task<long> LastOffsetAsync(string stream, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var checkpoint = await db.StreamCheckpoints.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Stream == stream, cancellationToken);
        return checkpoint?.Offset ?? -1;
    }

    /// <summary>
    /// Writes <paramref name="batch"/> (in stream order); returns how many delivery rows it created. A message that
    /// cannot be delivered (unreadable, unknown, or refused by PostgreSQL) is set aside in
    /// <c>unprocessable_stream_events</c> and the batch goes on: otherwise the reader would retry it forever and no
    /// later event would ever be delivered.
    /// </summary>
    public async Task<int> WriteAsync(string stream, IReadOnlyList<StreamEvent> batch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        var events = new List<Parsed>(batch.Count);
        var setAside = new List<UnprocessableStreamEvent>();
        foreach (var message in batch)
        {
            if (EventNames.TryGetValue(message.Exchange, out var type))
            {
                if (MessageId(message.Body) is { } id)
                {
                    events.Add(new Parsed(message, id, type, System.Text.Encoding.UTF8.GetString(message.Body.Span)));
                }
                else
                {
                    setAside.Add(Unprocessable(stream, message, null, type, "unparseable-envelope"));
                }
            }
            // Personal events are never bound to the stream; should one come, it is skipped, not delivered.
            else if (!PersonalExchanges.Contains(message.Exchange))
            {
                setAside.Add(Unprocessable(stream, message, MessageId(message.Body), message.Exchange, "unknown-event-type"));
            }
        }

        try
        {
            return await CommitAsync(stream, events, setAside, batch.Max(e => e.Offset), cancellationToken);
        }
        catch (Exception ex) when (RefusedData(ex) is not null)
        {
            // One event at a time: the one PostgreSQL refuses is set aside, the others are written.
            var created = 0;
            foreach (var message in batch)
            {
                var parsed = events.Where(e => e.Message == message).ToList();
                var aside = setAside.Where(e => e.Offset == message.Offset).ToList();
                try
                {
                    created += await CommitAsync(stream, parsed, aside, message.Offset, cancellationToken);
                }
                catch (Exception one) when (RefusedData(one) is { } state && parsed.Count == 1)
                {
                    await CommitAsync(stream, [],
                        [Unprocessable(stream, message, parsed[0].MessageId, parsed[0].EventType, $"refused-by-postgresql {state}")],
                        message.Offset, cancellationToken);
                }
            }

            return created;
        }
    }

    /// <summary>One transaction: the delivery rows, the messages set aside, and the checkpoint at <paramref name="offset"/>.</summary>
    private async Task<int> CommitAsync(string stream, List<Parsed> events, List<UnprocessableStreamEvent> setAside,
        long offset, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var now = clock.GetUtcNow();
        // The platform's DbContexts retry transient failures; a transaction of ours runs whole inside that strategy.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = events.Count > 0 ? await InsertAsync(db, events, now, ct) : 0;
            foreach (var aside in setAside)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO unprocessable_stream_events (stream, "offset", message_id, event_type, error, recorded_at)
                    VALUES ({aside.Stream}, {aside.Offset}, {aside.MessageId}, {aside.EventType}, {aside.Error}, {now})
                    ON CONFLICT (stream, "offset") DO NOTHING
                    """, ct);
            }

            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO stream_checkpoints (stream, "offset", updated_at) VALUES ({stream}, {offset}, {now})
                ON CONFLICT (stream) DO UPDATE SET "offset" = excluded."offset", updated_at = excluded.updated_at
                """, ct);
            await transaction.CommitAsync(ct);
            return created;
        }, cancellationToken);
    }

    /// <summary>
    /// The SQLSTATE when PostgreSQL refused the data itself (class 22: a NUL, an invalid byte sequence, a value too
    /// long…), which no retry can fix; null for anything else (a lost connection, a missing table), which a retry
    /// of the whole batch may.
    /// </summary>
    private static string? RefusedData(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is Npgsql.PostgresException { SqlState: var state } && state.StartsWith("22", StringComparison.Ordinal))
            {
                return state;
            }
        }

        return null;
    }

    // Codes only, never the body or a database message quoting it: the event may hold personal data.
    private static UnprocessableStreamEvent Unprocessable(string stream, StreamEvent message, Guid? messageId,
        string eventType, string error) => new()
        {
            Stream = stream,
            Offset = message.Offset,
            MessageId = messageId ?? (Guid.TryParse(message.AmqpMessageId, out var amqp) ? amqp : null),
            EventType = eventType.Length > 300 ? eventType[..300] : eventType,
            Error = error,
        };

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

    private sealed record Parsed(StreamEvent Message, Guid MessageId, string EventType, string Payload);
}
