using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CQCTP.Messaging;
using CQCTP.Messaging.Jobs;
using CQCTP.ServiceDefaults;
using CQCTP.Testing.Probe;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.IntegrationTests;

/// <summary>The outbox → RabbitMQ → inbox path of CQCTP.Messaging, through a probe service on the real platform.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MessagingTests(PlatformFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private ProbeService probe = null!;

    public async Task InitializeAsync() =>
        probe = await ProbeService.StartAsync(fixture.Platform, "probe-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task DisposeAsync() => await probe.DisposeAsync();

    [Fact]
    public async Task RolledBackChange_PublishesNothing()
    {
        var rolledBack = await probe.ProduceAsync("rolled-back", rollBack: true);

        var marker = await probe.ProduceAsync("marker");
        await WaitForEffectAsync(marker);

        Assert.Equal(0, await probe.CountEffectsAsync(rolledBack));
        Assert.DoesNotContain(await OutboxRowsAsync(probe), m => m.Body.Contains(rolledBack.ToString(), StringComparison.Ordinal));
        Assert.Equal(0, await probe.QueryAsync(db => db.Notes.CountAsync(n => n.Id == rolledBack)));
    }

    [Fact]
    public async Task CommittedChange_IsPublishedWithOutboxIdAsMessageIdAndMarkedDispatched()
    {
        var probeId = await probe.ProduceAsync("committed");

        await WaitForEffectAsync(probeId);

        var effect = await probe.QueryAsync(db => db.Effects.SingleAsync(e => e.ProbeId == probeId));
        var row = await probe.QueryAsync(db => db.Set<Messaging.Outbox.OutboxMessage>().SingleAsync(m => m.Id == effect.MessageId));
        Assert.NotNull(row.DispatchedAt);
    }

    [Fact]
    public async Task RelayedEvent_CarriesTheEnvelopeATypedPublishOfTheEventGave()
    {
        // With a listener the relay and MassTransit propagate trace context, as they do under OpenTelemetry.
        using var tracing = ListenToActivities(MessagingTelemetry.Name, "MassTransit", RequestActivities.Name);
        var broker = new Uri(await fixture.Platform.BrokerConnectionStringAsync());
        await using var tap = await DeliveryTap.BindAsync(broker, EventSubscriptions.ExchangeName(typeof(ProbeHappened)));
        var message = new ProbeHappened
        {
            ProbeId = Guid.CreateVersion7(),
            Label = "Maison « Été » <b>&</b> \"l'autre\" \\ 語 \u2028",
            ProducedTimestamp = long.MaxValue,
        };
        var correlationId = Guid.NewGuid();
        Guid messageId;
        string traceId;
        using (var request = RequestActivities.StartActivity("request", ActivityKind.Server))
        {
            traceId = request!.TraceId.ToHexString();
            messageId = await probe.RecordAsync(message, correlationId);
        }

        using var relayed = await tap.NextAsync();
        var traceParent = await probe.QueryAsync(db => db.Set<Messaging.Outbox.OutboxMessage>()
            .Where(m => m.Id == messageId).Select(m => m.TraceParent).SingleAsync());
        // The relay's publish before it published rows as stored: the event itself, published by its type.
        using (MessagingTelemetry.ActivitySource.StartActivity("outbox publish", ActivityKind.Internal, traceParent))
        {
            await probe.Host.Services.GetRequiredService<IPlatformBus>().Publish(message, message.GetType(),
                Pipe.Execute<PublishContext>(context =>
                {
                    context.MessageId = messageId;
                    context.CorrelationId = correlationId;
                }));
        }

        using var published = await tap.NextAsync();

        Assert.Equal(messageId.ToString(), relayed.Properties.MessageId);
        Assert.Equal(correlationId.ToString(), relayed.Properties.CorrelationId);
        Assert.Equal(AmqpProperties(published), AmqpProperties(relayed));
        Assert.Equal(WithoutSpanIds(published.Headers), WithoutSpanIds(relayed.Headers));
        Assert.Contains(relayed.Headers.Values, value => value?.Contains(traceId, StringComparison.Ordinal) == true);
        var envelope = relayed.Envelope.RootElement;
        Assert.Equal(EnvelopeFields(published.Envelope.RootElement), EnvelopeFields(envelope));
        Assert.Equal(published.Envelope.RootElement.GetProperty("message").GetRawText(), envelope.GetProperty("message").GetRawText());
        Assert.Equal($"[\"urn:message:{typeof(ProbeHappened).Namespace}:{nameof(ProbeHappened)}\"]",
            envelope.GetProperty("messageType").GetRawText().Replace(" ", "", StringComparison.Ordinal).ReplaceLineEndings(""));
        Assert.Equal(messageId, envelope.GetProperty("messageId").GetGuid());
        Assert.Equal(correlationId, envelope.GetProperty("correlationId").GetGuid());
        Assert.Contains(traceId, envelope.GetProperty("headers").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(message, envelope.GetProperty("message").Deserialize<ProbeHappened>(JsonSerializerOptions.Web));
        await WaitForEffectAsync(message.ProbeId);
        Assert.Equal(1, await probe.CountEffectsAsync(message.ProbeId));
    }

    [Fact]
    public async Task SameMessageDeliveredTwice_HasOneEffect()
    {
        var broker = new Uri(await fixture.Platform.BrokerConnectionStringAsync());
        var messageId = NewId.NextGuid();
        var message = new ProbeHappened { ProbeId = Guid.NewGuid(), Label = "duplicate", ProducedTimestamp = 0 };
        await DuplicateDelivery.PublishTwiceAsync(broker, message, messageId);

        await WaitForEffectAsync(message.ProbeId);
        var marker = await probe.ProduceAsync("marker");
        await WaitForEffectAsync(marker);

        Assert.Equal(1, await probe.CountEffectsAsync(message.ProbeId));
        Assert.Equal(1, probe.Consumed.Count(c => c.ProbeId == message.ProbeId));
    }

    [Fact]
    public async Task ScheduledJob_RunTwiceForSameDay_PublishesItsEventOnce()
    {
        var day = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.FromHours(-5));

        var first = await probe.RunJobAsync(day);
        var second = await probe.RunJobAsync(day.AddMinutes(30));
        var nextDay = await probe.RunJobAsync(day.AddDays(1));

        Assert.Equal([JobOutcome.Succeeded, JobOutcome.Succeeded, JobOutcome.Succeeded], [first, second, nextDay]);
        await WaitUntilAsync(async () => await probe.CountEffectsAsync("job:2026-11-29") == 1);
        var marker = await probe.ProduceAsync("marker");
        await WaitForEffectAsync(marker);
        Assert.Equal(1, await probe.CountEffectsAsync("job:2026-11-28"));
        var run = await probe.QueryAsync(db => db.Set<JobRun>().SingleAsync(r => r.Job == ProbeService.JobName));
        Assert.Equal("succeeded", run.LastOutcome);
        Assert.NotNull(run.LastFinishedAt);
    }

    [Fact]
    public async Task ScheduledJob_WhileOneReplicaRunsIt_AnotherIsRefusedTheLock()
    {
        var day = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.FromHours(-5));
        await using var replica = await probe.StartReplicaAsync();

        var (held, release) = await probe.StartHeldJobAsync(day);
        JobOutcome refused;
        try
        {
            refused = await replica.RunJobAsync(day);
        }
        finally
        {
            release();
        }

        Assert.Equal(JobOutcome.Skipped, refused);
        Assert.Equal(JobOutcome.Succeeded, await held);
        // The lock goes with the run: once it ended, the other replica gets it.
        Assert.Equal(JobOutcome.Succeeded, await replica.RunJobAsync(day.AddDays(1)));
    }

    [Fact]
    public async Task RowClaimedByAnotherRelay_IsSkippedNotWaitedFor_AndPublishedOnceReleased()
    {
        // A committed row in back-off, due in a few seconds: long enough to claim it before the relay may.
        var claimed = Guid.CreateVersion7();
        await using var otherRelay = new Npgsql.NpgsqlConnection(probe.ConnectionString);
        await otherRelay.OpenAsync();
        await using (var insert = new Npgsql.NpgsqlCommand("""
            INSERT INTO outbox_messages (id, message_type, body, created_at, next_attempt_at, attempts)
            VALUES ($1, $2, $3::jsonb, now(), now() + interval '5 seconds', 1)
            """, otherRelay))
        {
            insert.Parameters.Add(new Npgsql.NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = $"{typeof(ProbeHappened).FullName}, {typeof(ProbeHappened).Assembly.GetName().Name}" });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = $$"""{"probeId":"{{claimed}}","label":"claimed","producedTimestamp":0}""" });
            await insert.ExecuteNonQueryAsync();
        }

        // Stands for another relay replica in the middle of its batch: it holds the row (FOR UPDATE) past its due time.
        await using var claim = await otherRelay.BeginTransactionAsync();
        await using (var select = new Npgsql.NpgsqlCommand(
            "SELECT id FROM outbox_messages WHERE body ->> 'probeId' = $1 AND dispatched_at IS NULL FOR UPDATE", otherRelay, claim))
        {
            select.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = claimed.ToString() });
            Assert.NotNull(await select.ExecuteScalarAsync());
        }

        await Task.Delay(TimeSpan.FromSeconds(6));
        // The relay wakes for this commit, finds the claimed row due and locked, and must neither wait nor take it.
        var free = await probe.ProduceAsync("free");
        await WaitForEffectAsync(free);
        Assert.Equal(0, await probe.CountEffectsAsync(claimed));

        await claim.RollbackAsync();
        await probe.ProduceAsync("wake-up");
        await WaitForEffectAsync(claimed);
        var marker = await probe.ProduceAsync("marker");
        await WaitForEffectAsync(marker);
        Assert.Equal(1, await probe.CountEffectsAsync(claimed));
    }

    [Fact]
    public async Task TwoRelayReplicas_OnOneOutbox_PublishEveryRowExactlyOnce()
    {
        const int Transactions = 20;
        const int PerTransaction = 50;
        long duplicates = 0;
        using var listener = ListenToConsumer<long>("cqctp.inbox.duplicates", probe.Queue,
            value => Interlocked.Add(ref duplicates, value));
        await using var replica = await probe.StartReplicaAsync();

        // Both replicas commit, so both relays are woken for every other transaction and race over the same rows.
        await Task.WhenAll(Enumerable.Range(0, Transactions).Select(i =>
            (i % 2 == 0 ? probe : replica).ProduceManyAsync(
                Enumerable.Range(0, PerTransaction).Select(_ => Guid.CreateVersion7()).ToArray(), "replicas")));

        await WaitUntilAsync(async () => await probe.CountEffectsAsync("replicas") >= Transactions * PerTransaction);
        var marker = await probe.ProduceAsync("marker");
        await WaitForEffectAsync(marker);
        Assert.Equal(Transactions * PerTransaction, await probe.CountEffectsAsync("replicas"));
        // Handler calls over both replicas' consumers: each row's handler ran once, nowhere twice.
        Assert.Equal(Transactions * PerTransaction,
            probe.Consumed.Concat(replica.Consumed).Count(c => c.ProbeId != marker));
        Assert.Equal(0, Interlocked.Read(ref duplicates));
        Assert.DoesNotContain(await OutboxRowsAsync(probe), row => row.DispatchedAt is null);
    }

    [Fact]
    public async Task PoisonMessageInABatch_GoesToErrorQueueAlone_ItsBatchMatesCommitOnce()
    {
        const int BatchMates = 20;
        var largestBatch = 0;
        // One inbox transaction, held by a handler while the batch queues up behind it: the batch is deterministic.
        await using var consumer = await ProbeService.StartAsync(fixture.Platform,
            "probe-" + Guid.NewGuid().ToString("N")[..8], options => options.InboxTransactions = 1);
        using var listener = ListenToConsumer<int>("cqctp.inbox.batch_size", consumer.Queue,
            value => InterlockedMax(ref largestBatch, value));
        var broker = new Uri(await fixture.Platform.BrokerConnectionStringAsync());

        var release = await consumer.HoldConsumerAsync();
        var batchMates = Enumerable.Range(0, BatchMates).Select(_ => Guid.CreateVersion7()).ToArray();
        await consumer.ProduceManyAsync(batchMates[..(BatchMates / 2)], "batch-mate");
        var poison = await consumer.ProduceAsync(ProbeService.PoisonLabel);
        await consumer.ProduceManyAsync(batchMates[(BatchMates / 2)..], "batch-mate");
        await WaitUntilAsync(async () => (await OutboxRowsAsync(consumer)).TrueForAll(row => row.DispatchedAt is not null));
        // Published and confirmed; give the broker a moment to deliver them into the consumer's queue of waiters.
        await Task.Delay(TimeSpan.FromSeconds(1));
        release();

        await WaitUntilAsync(async () => await consumer.CountEffectsAsync("batch-mate") >= BatchMates);
        var faulted = await WaitForErrorQueueMessageAsync(broker, $"{consumer.Queue}_error");
        Assert.True(largestBatch > BatchMates, $"The largest inbox transaction held {largestBatch} deliveries.");
        // Handler calls beyond one per batch mate: the batch ran with the poison, rolled back, then ran one by one.
        Assert.True(consumer.Consumed.Count(c => batchMates.Contains(c.ProbeId)) > BatchMates,
            "The batch with the poison message was never rolled back and retried one by one.");
        var poisonRow = Assert.Single(await OutboxRowsAsync(consumer),
            row => row.Body.Contains(poison.ToString(), StringComparison.Ordinal));
        Assert.Equal(poisonRow.Id.ToString(), faulted);
        Assert.Equal(0, await consumer.CountEffectsAsync(poison));
        foreach (var batchMate in batchMates)
        {
            Assert.Equal(1, await consumer.CountEffectsAsync(batchMate));
        }
    }

    private static readonly ActivitySource RequestActivities = new("CQCTP.IntegrationTests.Requests");

    private static ActivityListener ListenToActivities(params string[] sources)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static (string?, string?, string?, bool, string?, string?) AmqpProperties(Delivery delivery) =>
        (delivery.Properties.MessageId, delivery.Properties.CorrelationId, delivery.Properties.ContentType,
            delivery.Properties.Persistent, delivery.Properties.Type, delivery.Properties.ReplyTo);

    /// <summary>
    /// Every field of an envelope but the two each publish sets anew (<c>sentTime</c>; <c>conversationId</c>, whose
    /// presence is kept), span ids masked: two publishes of one event under one trace differ only in those.
    /// </summary>
    private static Dictionary<string, string> EnvelopeFields(JsonElement envelope) =>
        envelope.EnumerateObject().Where(field => field.Name != "sentTime").ToDictionary(
            field => field.Name,
            field => field.Name == "conversationId" ? field.Value.ValueKind.ToString() : MaskSpanIds(field.Value.GetRawText()));

    /// <summary>AMQP headers with span ids masked, and RabbitMQ.Client's publisher-confirm sequence number (per channel publish) kept only as present.</summary>
    private static Dictionary<string, string?> WithoutSpanIds(IReadOnlyDictionary<string, string?> headers) =>
        headers.ToDictionary(h => h.Key, h => h.Value is null ? null
            : h.Key == "x-dotnet-pub-seq-no" ? "present" : MaskSpanIds(h.Value));

    /// <summary>A W3C trace parent keeps its trace id; its span id is the publish's own.</summary>
    private static string MaskSpanIds(string text) =>
        Regex.Replace(text, "00-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})", "00-$1-span-$2");

    /// <summary>Passes each measurement of a messaging instrument, for one consumer queue, to <paramref name="record"/>.</summary>
    private static System.Diagnostics.Metrics.MeterListener ListenToConsumer<T>(string instrumentName, string queue,
        Action<T> record) where T : struct
    {
        var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MessagingTelemetry.Name && instrument.Name == instrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "consumer" && Equals(tag.Value, queue))
                {
                    record(value);
                }
            }
        });
        listener.Start();
        return listener;
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Takes the first message off an error queue (once MassTransit has created it) and returns its MessageId.</summary>
    private static async Task<string?> WaitForErrorQueueMessageAsync(Uri broker, string queue)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        string? messageId = null;
        await WaitUntilAsync(async () =>
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                var message = await channel.BasicGetAsync(queue, autoAck: true);
                messageId = message?.BasicProperties.MessageId;
                return message is not null;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // Not declared yet: MassTransit creates the error queue with the first faulted message.
                return false;
            }
        });
        return messageId;
    }

    internal static Task<List<Messaging.Outbox.OutboxMessage>> OutboxRowsAsync(ProbeService probe) =>
        probe.QueryAsync(db => db.Set<Messaging.Outbox.OutboxMessage>().AsNoTracking().ToListAsync());

    private Task WaitForEffectAsync(Guid probeId) =>
        WaitUntilAsync(async () => await probe.CountEffectsAsync(probeId) > 0);

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            // Some conditions poll through the gateway: stay well inside its per-client rate limit (600/min).
            await Task.Delay(500);
        }
    }
}
