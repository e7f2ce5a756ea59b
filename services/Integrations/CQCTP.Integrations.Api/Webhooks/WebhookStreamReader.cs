using System.Text.Json;
using CQCTP.Integrations.Api.Data;
using CQCTP.Integrations.Events;
using CQCTP.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>
/// Reads the replay stream from its last committed offset and, for each event, creates one delivery per enabled
/// subscription that wants it; the offset is saved in the same transaction, so a restart neither loses nor repeats.
/// One message per transaction, in stream order (the channel hands deliveries one at a time).
/// </summary>
public sealed partial class WebhookStreamReader(IServiceScopeFactory scopes, IConfiguration configuration,
    DispatchSignal signal, TimeProvider clock, ILogger<WebhookStreamReader> logger) : BackgroundService
{
    private const string Stream = IntegrationEvents.ReplayStream;

    private static readonly Dictionary<string, string> EventNames =
        IntegrationEvents.Public.ToDictionary(EventSubscriptions.ExchangeName, t => t.Name, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var broker = new Uri(configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException($"Connection string '{ResourceNames.Messaging}' is missing."));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(broker, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogReadFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task ReadAsync(Uri broker, CancellationToken stoppingToken)
    {
        var last = await LastOffsetAsync(stoppingToken);
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "integrations-webhooks-reader" };
        await using var connection = await factory.CreateConnectionAsync(stoppingToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
        await channel.BasicQosAsync(0, 200, false, stoppingToken);
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            // Messages already prefetched keep coming until the channel closes: handling one would commit an offset
            // past the failed event, which the restart would then skip.
            if (failed.Task.IsCompleted)
            {
                return;
            }

            try
            {
                var offset = Convert.ToInt64(delivery.BasicProperties.Headers?["x-stream-offset"],
                    System.Globalization.CultureInfo.InvariantCulture);
                if (offset > last)
                {
                    await HandleAsync(offset, delivery.Exchange, delivery.Body, stoppingToken);
                    last = offset;
                }

                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
            }
            catch (Exception ex)
            {
                // Nothing past this event is handled: the reader starts again from the committed offset.
                failed.TrySetException(ex);
            }
        };
        channel.ChannelShutdownAsync += (_, args) =>
        {
            failed.TrySetException(new InvalidOperationException($"Stream channel closed: {args.ReplyText}"));
            return Task.CompletedTask;
        };
        object start = last >= 0 ? last + 1 : "first";
        await channel.BasicConsumeAsync(Stream, autoAck: false, consumerTag: "", noLocal: false, exclusive: false,
            arguments: new Dictionary<string, object?> { ["x-stream-offset"] = start }, consumer: consumer,
            cancellationToken: stoppingToken);
        await failed.Task.WaitAsync(stoppingToken);
    }

    private async Task<long> LastOffsetAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var checkpoint = await db.StreamCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Stream == Stream, cancellationToken);
        return checkpoint?.Offset ?? -1;
    }

    private async Task HandleAsync(long offset, string exchange, ReadOnlyMemory<byte> body,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var now = clock.GetUtcNow();
        // The platform's DbContexts retry transient failures; a transaction of ours runs whole inside that strategy.
        var created = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var inserted = await CreateDeliveriesAsync(db, exchange, body, now, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO stream_checkpoints (stream, "offset", updated_at) VALUES ({Stream}, {offset}, {now})
                ON CONFLICT (stream) DO UPDATE SET "offset" = excluded."offset", updated_at = excluded.updated_at
                """, ct);
            await transaction.CommitAsync(ct);
            return inserted;
        }, cancellationToken);
        if (created > 0)
        {
            signal.Notify();
        }
    }

    private static async Task<int> CreateDeliveriesAsync(IntegrationsDbContext db, string exchange,
        ReadOnlyMemory<byte> body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var created = 0;
        if (EventNames.TryGetValue(exchange, out var eventType) && MessageId(body) is { } messageId)
        {
            var payload = System.Text.Encoding.UTF8.GetString(body.Span);
            var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
                .Where(s => s.Enabled && s.EventTypes.Contains(eventType))
                .Select(s => s.Id).ToListAsync(cancellationToken);
            foreach (var subscription in subscriptions)
            {
                // The same messageId twice in the stream (a republished event) is one delivery.
                created += await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO webhook_deliveries (id, subscription_id, message_id, event_type, payload, status, attempts, next_attempt_at, created_at)
                    VALUES ({Guid.CreateVersion7(now)}, {subscription}, {messageId}, {eventType}, {payload}, 'Pending', 0, {now}, {now})
                    ON CONFLICT (subscription_id, message_id) DO NOTHING
                    """, cancellationToken);
            }
        }

        return created;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the replay stream failed; starting again from the committed offset")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
