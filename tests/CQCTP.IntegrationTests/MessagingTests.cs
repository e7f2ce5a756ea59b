using CQCTP.Messaging.Jobs;
using CQCTP.Testing.Probe;
using MassTransit;
using Microsoft.EntityFrameworkCore;

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
    public async Task SameMessageDeliveredTwice_HasOneEffect()
    {
        var broker = new Uri(await fixture.Platform.BrokerConnectionStringAsync());
        var messageId = NewId.NextGuid();
        var message = new ProbeHappened { ProbeId = Guid.NewGuid(), Label = "duplicate", ProducedTimestamp = 0 };
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker, h =>
        {
            var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
            h.Username(credentials[0]);
            h.Password(credentials[1]);
        }));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = messageId);
            await bus.Publish(message, context => context.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }

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
