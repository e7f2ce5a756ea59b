using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using CQCTP.ServiceDefaults;
using CQCTP.Testing.Probe;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace CQCTP.ReliabilityTests;

/// <summary>
/// R1, R2, R3, R5: the broker killed, the database frozen then restarted, a publishing service killed mid-relay, a
/// poison message. Under a steady write load through the gateway, every change that answered 2xx reaches its
/// consumers and has its effect exactly once, and the backlog drains within a bounded time.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class MessagingFaultTests(FaultPlatform fixture, ITestOutputHelper output)
{
    private const int WritesPerSecond = 50;
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    private const string ClaimedRows =
        "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL AND next_attempt_at > now() AND last_error IS NULL";

    [Fact]
    public async Task R1_BrokerKilledUnderLoad_EveryAcknowledgedChangeHasItsEffectOnce()
    {
        await using var probe = await ProbeAsync("r1");
        var load = new WriteLoad(fixture.Gateway, probe, "R1 courtier tué");

        var running = load.RunAsync(WritesPerSecond, LoadDuration);
        await UnderWayAsync(load, TimeSpan.FromSeconds(6));
        var broker = fixture.Platform.ResourceProcessId(ResourceNames.Messaging)
            ?? throw new InvalidOperationException("The broker has no process id.");
        Signals.Send("KILL", PlatformInstance.ProcessTree(broker));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var inFlight = await PendingOutboxRowsAsync(ResourceNames.MembershipDb);
        await StartAsync(ResourceNames.Messaging);
        var restarted = Stopwatch.StartNew();
        await running;

        await AssertDeliveredOnceAsync(load, probe, "R1", restarted, inFlight);
    }

    [Fact]
    public async Task R2_DatabaseFrozenThenRestartedImmediately_EveryAcknowledgedChangeHasItsEffectOnce()
    {
        await using var probe = await ProbeAsync("r2");
        var load = new WriteLoad(fixture.Gateway, probe, "R2 base gelée");

        var running = load.RunAsync(WritesPerSecond, LoadDuration);
        await UnderWayAsync(load, TimeSpan.FromSeconds(4));
        var postgres = fixture.Platform.PostgresProcessIds();
        var inFlight = await PendingOutboxRowsAsync(ResourceNames.MembershipDb);
        Signals.Send("STOP", postgres);
        await Task.Delay(TimeSpan.FromSeconds(10));
        // Immediate shutdown (SIGQUIT to the postmaster): no checkpoint, crash recovery on the next start.
        Signals.Send("QUIT", [postgres[0]]);
        Signals.Send("CONT", postgres);
        await Requests.EventuallyAsync(() => Task.FromResult(!Directory.Exists($"/proc/{postgres[0]}")),
            TimeSpan.FromSeconds(30), "PostgreSQL stopped");
        await StartAsync(ResourceNames.Postgres);
        var restarted = Stopwatch.StartNew();
        await running;

        await AssertDeliveredOnceAsync(load, probe, "R2", restarted, inFlight);
    }

    [Fact]
    public async Task R3_PublishingServiceKilledMidRelay_ItsClaimsExpireAndEachChangeHasItsEffectOnce()
    {
        await using var probe = await ProbeAsync("r3");
        var load = new WriteLoad(fixture.Gateway, probe, "R3 service tué");

        var running = load.RunAsync(WritesPerSecond, LoadDuration);
        await UnderWayAsync(load, TimeSpan.FromSeconds(4));
        // A frozen broker accepts the publishes and never confirms them, so the relay holds its claimed rows (until
        // half its lease): the moment to kill it. Claimed and not yet failed: no error recorded, no attempt counted.
        var broker = PlatformInstance.ProcessTree(fixture.Platform.ResourceProcessId(ResourceNames.Messaging)
            ?? throw new InvalidOperationException("The broker has no process id."));
        Signals.Send("STOP", broker);
        long claimed = 0;
        try
        {
            await Requests.EventuallyAsync(async () =>
            {
                claimed = await Databases.CountAsync(fixture.Platform, ResourceNames.MembershipDb, ClaimedRows);
                return claimed > 0;
            }, TimeSpan.FromSeconds(20), "the relay holding claimed rows");
            var membership = fixture.Platform.ResourceProcessId(ResourceNames.MembershipApi)
                ?? throw new InvalidOperationException("membership-api has no process id.");
            Signals.Send("KILL", PlatformInstance.ProcessTree(membership));
        }
        finally
        {
            Signals.Send("CONT", broker);
        }

        var inFlight = await PendingOutboxRowsAsync(ResourceNames.MembershipDb);
        output.WriteLine($"R3: rows claimed by the relay when it was killed: {claimed}");
        Assert.True(claimed > 0);
        await StartAsync(ResourceNames.MembershipApi);
        var restarted = Stopwatch.StartNew();
        await running;

        await AssertDeliveredOnceAsync(load, probe, "R3", restarted, inFlight);
    }

    [Fact]
    public async Task R5_PoisonMessage_DeadLetteredOthersFlow_RequeuedByTheCommand_EffectOnce()
    {
        await using var probe = await ProbeAsync("r5");
        var poison = await probe.ProduceAsync(ProbeService.PoisonLabel);
        var after = await probe.ProduceAsync("after-poison");

        await Requests.EventuallyAsync(async () => await probe.CountEffectsAsync(after) == 1, TimeSpan.FromSeconds(30),
            "the message after the poison");
        await Requests.EventuallyAsync(async () => await ErrorQueueDepthAsync(probe.Queue) == 1, TimeSpan.FromSeconds(60),
            "the poison in the error queue after its retries");
        Assert.Equal(0, await probe.CountEffectsAsync(poison));

        probe.CurePoison();
        await fixture.Platform.ExecuteCommandAsync(ResourceNames.Messaging, "requeue-failed-messages");
        await Requests.EventuallyAsync(async () => await probe.CountEffectsAsync(poison) == 1, TimeSpan.FromSeconds(30),
            "the requeued message handled");
        // Requeued again (nothing left to move) and a marker through the same queue: still one effect.
        await fixture.Platform.ExecuteCommandAsync(ResourceNames.Messaging, "requeue-failed-messages");
        var marker = await probe.ProduceAsync("marker");
        await Requests.EventuallyAsync(async () => await probe.CountEffectsAsync(marker) == 1, TimeSpan.FromSeconds(30), "the marker");

        Assert.Equal(1, await probe.CountEffectsAsync(poison));
        Assert.Equal(0u, await ErrorQueueDepthAsync(probe.Queue));
    }

    /// <summary>
    /// The fault must strike a load that is under way: on a loaded machine the first answers after the fixture's start
    /// can take seconds, and a fault before any of them leaves nothing acknowledged to check (CI, 2026-12-02, load 50).
    /// </summary>
    private static async Task UnderWayAsync(WriteLoad load, TimeSpan atLeast)
    {
        await Task.Delay(atLeast);
        await Requests.EventuallyAsync(() => Task.FromResult(load.Organizations.Count >= 10), TimeSpan.FromSeconds(30),
            "the load's first acknowledged changes");
    }

    private async Task AssertDeliveredOnceAsync(WriteLoad load, ProbeService probe, string test, Stopwatch restarted, long inFlight)
    {
        output.WriteLine($"{test}: {load.Sent} requests ({load.Summary()}); {inFlight} events waiting in the outbox at the fault");
        var organizations = load.Organizations.ToArray();
        var probes = load.Probes.ToArray();
        Assert.NotEmpty(organizations);
        Assert.NotEmpty(probes);

        await Requests.EventuallyAsync(async () => await Databases.CountAsync(fixture.Platform, ResourceNames.ConcertationDb,
                "SELECT count(*) FROM member_organizations WHERE organization_id = ANY($1)", organizations) == organizations.Length
            && (await Task.WhenAll(probes.Select(probe.CountEffectsAsync))).All(n => n >= 1),
            Drain + TimeSpan.FromSeconds(30), $"{test}: every acknowledged change at its consumers");
        output.WriteLine($"{test}: drained {restarted.Elapsed.TotalSeconds:F1} s after the restart");

        // Once: no probe effect twice, and no consumer inbox with a message twice (its key forbids it; checked anyway).
        var effects = await Task.WhenAll(probes.Select(probe.CountEffectsAsync));
        Assert.All(effects, n => Assert.Equal(1, n));
        Assert.Equal(0, await Databases.CountAsync(fixture.Platform, ResourceNames.ConcertationDb,
            "SELECT count(*) FROM (SELECT message_id FROM inbox_messages GROUP BY message_id, consumer HAVING count(*) > 1) d"));
        Assert.True(restarted.Elapsed < Drain + LoadDuration, $"drained {restarted.Elapsed.TotalSeconds:F0} s after the restart");
    }

    private async Task<ProbeService> ProbeAsync(string name) =>
        await ProbeService.StartAsync(fixture.Platform, $"probe-{name}-{Guid.NewGuid():N}"[..20],
            options => options.ClaimLease = FaultPlatform.ClaimLease);

    private Task<long> PendingOutboxRowsAsync(string database) =>
        Databases.CountAsync(fixture.Platform, database, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL");

    /// <summary>Starts a resource the fault stopped; retried while the orchestrator has not yet seen it exit.</summary>
    private async Task StartAsync(string resource)
    {
        await Requests.EventuallyAsync(async () =>
        {
            try
            {
                await fixture.Platform.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), $"{resource} started again");
        await fixture.Platform.App.ResourceNotifications.WaitForResourceHealthyAsync(resource)
            .WaitAsync(TimeSpan.FromSeconds(90));
    }

    private async Task<uint> ErrorQueueDepthAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(await fixture.Platform.BrokerConnectionStringAsync()) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync($"{queue}_error")).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            // MassTransit declares the error queue with the first fault.
            return 0;
        }
    }
}
