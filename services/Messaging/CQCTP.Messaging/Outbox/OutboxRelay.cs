using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CQCTP.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows: woken by the commit NOTIFY, with a periodic sweep for anything missed or due
/// for a retry. Rows are claimed for a lease with <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work, and
/// marked dispatched only after the broker confirmed them (publisher confirms): a crash in between republishes with
/// the same MessageId once the lease expires, which the consumers' inbox absorbs.
/// </summary>
internal sealed partial class OutboxRelay(
    MessagingDataSource database,
    IPlatformBus bus,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan MaxPublishTimeout = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim signal = new(0, int.MaxValue);
    private long pendingCount;
    private double oldestPendingAgeSeconds;
    private DateTimeOffset lastCleanup = DateTimeOffset.MinValue;
    private CancellationToken stopping;

    private MessagingOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        using var gauges = new LagGauges(this);
        var listener = ListenAsync(stoppingToken);
        var nextSweep = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                if (clock.GetUtcNow() >= nextSweep)
                {
                    nextSweep = clock.GetUtcNow() + Options.SweepInterval;
                    await SweepAsync(stoppingToken);
                }

                await signal.WaitAsync(Options.SweepInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever fails (database restart, broker client error), the relay must keep going: rows wait.
                LogRelayFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await listener.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// Publishes everything due, batch after batch, until a batch comes back short. When a batch comes back full,
    /// more workers join, each claiming its own rows, so one batch's confirms are awaited while the next is on the wire.
    /// </summary>
    internal async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (await PublishBatchAsync(cancellationToken) < Options.BatchSize)
        {
            return;
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Options.RelayWorkers)).Select(async _ =>
        {
            while (await PublishBatchAsync(cancellationToken) >= Options.BatchSize)
            {
            }
        }));
    }

    /// <summary>
    /// Claims due rows by pushing their next attempt one lease ahead (<c>FOR UPDATE SKIP LOCKED</c>: concurrent
    /// claimers take disjoint rows), publishes them, then marks the confirmed ones dispatched. Two round trips per
    /// batch and no transaction held open while the broker confirms; if this replica dies in between, the lease
    /// expires and the rows are published again with the same MessageId, which the consumers' inbox absorbs.
    /// Ordered by the pending index's own key only, so the scan stops after the batch: a tie-break on <c>id</c> made
    /// PostgreSQL read and sort every due row for each batch (the whole backlog, under load).
    /// </summary>
    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var rows = new List<Row>();
        await using (var claim = new NpgsqlCommand("""
            UPDATE outbox_messages SET next_attempt_at = now() + $2
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE dispatched_at IS NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, message_type, body, correlation_id, trace_parent, attempts
            """, connection))
        {
            claim.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Options.BatchSize });
            claim.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = Options.ClaimLease });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // Parsed from the wire's UTF-8, never a string: the body is published as it is.
                rows.Add(new Row(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<JsonDocument>(2),
                    reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetInt32(5)));
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        Exception?[] outcomes;
        try
        {
            // A broker that accepts the connection but never confirms must not keep the claimed rows past their lease.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Within half the lease, so a live relay gives up on its rows before another may claim them.
            timeout.CancelAfter(TimeSpan.FromTicks(Math.Min(MaxPublishTimeout.Ticks, Options.ClaimLease.Ticks / 2)));
            outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, timeout.Token)));
        }
        finally
        {
            foreach (var row in rows)
            {
                row.Body.Dispose();
            }
        }

        var published = rows.Where((_, i) => outcomes[i] is null).Select(r => r.Id).ToArray();

        // Recorded even if the relay is stopping: the broker has these messages; not marking them would republish.
        await using var record = new NpgsqlBatch(connection);
        if (published.Length > 0)
        {
            record.BatchCommands.Add(new NpgsqlBatchCommand(
                "UPDATE outbox_messages SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1)")
            {
                Parameters = { new NpgsqlParameter<Guid[]> { TypedValue = published } },
            });
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (outcomes[i] is { } error)
            {
                record.BatchCommands.Add(error is OperationCanceledException && stopping.IsCancellationRequested
                    ? ReleaseCommand(rows[i])
                    : FailureCommand(rows[i], error));
            }
        }

        await record.ExecuteNonQueryAsync(CancellationToken.None);
        MessagingTelemetry.Published.Add(published.Length);
        return rows.Count;
    }

    private async Task<Exception?> PublishAsync(Row row, CancellationToken cancellationToken)
    {
        using var activity = MessagingTelemetry.ActivitySource.StartActivity("outbox publish", ActivityKind.Internal,
            row.TraceParent);
        try
        {
            var contract = StoredContract.Resolve(row.MessageType);
            if (row.Body.RootElement.ValueKind == JsonValueKind.Null)
            {
                throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");
            }

            // What a typed publish does (the exchange of the contract's publish topology, its message types), with the
            // row's body in MassTransit's envelope instead of the event deserialized only to be serialized again.
            var endpoint = await contract.PublishEndpointAsync(bus);
            await endpoint.Send(new SerializedMessageBody(), Pipe.Execute<SendContext>(context =>
            {
                context.MessageId = row.Id;
                context.CorrelationId = row.CorrelationId;
                context.SupportedMessageTypes = contract.MessageTypeNames;
                context.Serializer = new StoredMessageSerializer(row.Body.RootElement, contract.TypeInfo);
            }), cancellationToken);
            return null;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            return ex;
        }
    }

    /// <summary>Shutting down: hand the row back at once rather than leave it to the lease.</summary>
    private static NpgsqlBatchCommand ReleaseCommand(Row row) =>
        new("UPDATE outbox_messages SET next_attempt_at = now() WHERE id = $1")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = row.Id } },
        };

    private NpgsqlBatchCommand FailureCommand(Row row, Exception error)
    {
        var attempts = row.Attempts + 1;
        var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts, 20)), Options.MaxBackoff.TotalSeconds));
        LogPublishFailed(logger, error, row.Id, attempts, backoff.TotalSeconds);
        MessagingTelemetry.PublishFailures.Add(1);
        return new NpgsqlBatchCommand(
            "UPDATE outbox_messages SET attempts = $2, last_error = $3, next_attempt_at = now() + $4 WHERE id = $1")
        {
            Parameters =
            {
                new NpgsqlParameter<Guid> { TypedValue = row.Id },
                new NpgsqlParameter<int> { TypedValue = attempts },
                new NpgsqlParameter<string> { TypedValue = Truncate($"{error.GetType().Name}: {error.Message}", 2000) },
                new NpgsqlParameter<TimeSpan> { TypedValue = backoff },
            },
        };
    }

    /// <summary>Measures the lag for the dashboard and deletes what has been kept long enough.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var lag = new NpgsqlCommand(
            "SELECT count(*), EXTRACT(EPOCH FROM now() - min(created_at))::float8 FROM outbox_messages WHERE dispatched_at IS NULL",
            connection))
        {
            await using var reader = await lag.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            Interlocked.Exchange(ref pendingCount, reader.GetInt64(0));
            Interlocked.Exchange(ref oldestPendingAgeSeconds, reader.IsDBNull(1) ? 0 : reader.GetDouble(1));
        }

        if (clock.GetUtcNow() - lastCleanup < TimeSpan.FromMinutes(1))
        {
            return;
        }

        // Even if the clean-up fails, it is not retried before the next minute (the relay must not spin on it).
        lastCleanup = clock.GetUtcNow();
        await using var cleanup = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM outbox_messages WHERE dispatched_at < now() - $1")
                {
                    Parameters = { new NpgsqlParameter<TimeSpan> { TypedValue = Options.DispatchedRetention } },
                },
                new NpgsqlBatchCommand("DELETE FROM inbox_messages WHERE processed_at < now() - $1")
                {
                    Parameters = { new NpgsqlParameter<TimeSpan> { TypedValue = Options.InboxRetention } },
                },
            },
        };
        await cleanup.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Holds a LISTEN connection and turns each commit NOTIFY into a wake-up; reconnects if it drops.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Release();
                await using (var listen = new NpgsqlCommand($"LISTEN {MessagingModel.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever committed while we were not listening.
                signal.Release();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public override void Dispose()
    {
        signal.Dispose();
        base.Dispose();
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private sealed record Row(Guid Id, string MessageType, JsonDocument Body, Guid? CorrelationId, string? TraceParent, int Attempts);

    /// <summary>Outbox lag on the dashboard: how many rows wait and how old the oldest is (as of the last sweep).</summary>
    private sealed class LagGauges : IDisposable
    {
        private readonly ObservableGauge<long> pending;
        private readonly ObservableGauge<double> oldest;

        public LagGauges(OutboxRelay relay)
        {
            pending = MessagingTelemetry.Meter.CreateObservableGauge("cqctp.outbox.pending",
                () => Interlocked.Read(ref relay.pendingCount), "{message}", "Outbox rows not yet published");
            oldest = MessagingTelemetry.Meter.CreateObservableGauge("cqctp.outbox.lag",
                () => Volatile.Read(ref relay.oldestPendingAgeSeconds), "s", "Age of the oldest unpublished outbox row");
        }

        public void Dispose()
        {
            // Instruments live as long as their meter; nothing to release per relay.
            GC.KeepAlive(pending);
            GC.KeepAlive(oldest);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} not published (attempt {Attempts}); next try in {BackoffSeconds:F0} s")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid messageId, int attempts, double backoffSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox LISTEN connection failed; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
