using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CQCTP.Messaging;
using CQCTP.Messaging.Benchmark;
using CQCTP.Testing;
using CQCTP.Testing.Probe;
using HdrHistogram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Commit → consume latency at a fixed rate, then sustained throughput, through the real path:
// outbox row committed in PostgreSQL → NOTIFY → relay → RabbitMQ (publisher confirms) → inbox consumer.
// Usage: dotnet run -c Release --project benchmarks/CQCTP.Messaging.Benchmark -- [rate] [seconds] [throughputEvents]
//        [--warmup=seconds] [--platform=infrastructure] [--Messaging:<option>=value …]  (docs/benchmarks.md)
var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
var throughputEvents = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60_000;

// Options after the three numbers: --warmup=<seconds>, --platform, and the probe's messaging (--Messaging:RelayWorkers=4).
var options = new ConfigurationBuilder().AddCommandLine(args.Skip(3).ToArray()).Build();
var warmUpSeconds = options.GetValue("warmup", 30);
// --platform=infrastructure: PostgreSQL and RabbitMQ only, without the services' background load.
var infrastructureOnly = options.GetValue("platform", "whole") == "infrastructure";
// Below the probe's pool of 100, so the relay and the inbox always find a connection.
const int MaxProducersInFlight = 64;
Console.WriteLine(infrastructureOnly
    ? "Starting PostgreSQL and RabbitMQ only, on a fresh data root…"
    : "Starting the platform (PostgreSQL, RabbitMQ, services) on a fresh data root…");
await using var platform = await PlatformInstance.StartAsync(infrastructureOnly: infrastructureOnly);
await using var probe = await ProbeService.StartAsync(platform, "bench-" + Guid.NewGuid().ToString("N")[..8],
    options.GetSection(MessagingOptions.Section).Bind);
Console.WriteLine($"Platform started in {platform.StartedIn.TotalSeconds:F1} s");
var effective = probe.Host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
Console.WriteLine($"Probe messaging: batch {effective.BatchSize}, relay workers {effective.RelayWorkers}, consumer concurrency {effective.ConcurrentMessageLimit}");

var committed = new ConcurrentDictionary<Guid, long>();

// Long enough for tiered JIT to settle (measured: ~500 methods re-jitted per 5 s in the first ten seconds).
Console.WriteLine($"Warm-up: {warmUpSeconds} s at the target rate");
await RunAtRateAsync(rate, warmUpSeconds, "warm-up");
await WaitForAllAsync(TimeSpan.FromSeconds(60));

Console.WriteLine($"Latency: {rate} events/s for {seconds} s, one transaction per event");
var latencyStart = probe.Consumed.Count;
var latencyCpu = CpuSample.Take();
await RunAtRateAsync(rate, seconds, "latency");
await WaitForAllAsync(TimeSpan.FromSeconds(120));
CpuSample.Take().PrintSince(latencyCpu, rate * seconds);
var histogram = new LongHistogram(TimeStamp.Seconds(60), 3);
foreach (var (probeId, consumedAt) in probe.Consumed.Skip(latencyStart))
{
    if (committed.TryGetValue(probeId, out var committedAt))
    {
        histogram.RecordValue(Math.Max(0, consumedAt - committedAt));
    }
}

await PrintStagesAsync("latency");
Console.WriteLine(FormattableString.Invariant(
    $"commit → consume: n={histogram.TotalCount} p50={Ms(histogram.GetValueAtPercentile(50)):F2} ms p90={Ms(histogram.GetValueAtPercentile(90)):F2} ms p99={Ms(histogram.GetValueAtPercentile(99)):F2} ms max={Ms(histogram.GetMaxValue()):F2} ms"));

// The latency warm-up does not run the batched paths (50-event transactions, full relay batches, inbox batches):
// warm them up too, so "sustained" means steady state. Its figure is printed, not hidden.
var throughputWarmUp = Math.Min(throughputEvents, 5_000);
Console.WriteLine($"Throughput warm-up: {throughputWarmUp} events");
await RunThroughputAsync(throughputWarmUp, "throughput-warm-up");
Console.WriteLine($"Throughput: {throughputEvents} events, 4 producers, 50 events per transaction");
await RunThroughputAsync(throughputEvents, "throughput");
return;

async Task RunThroughputAsync(int events, string label)
{
    var before = probe.Consumed.Count;
    var throughputCpu = CpuSample.Take();
    var timer = Stopwatch.StartNew();
    var perProducer = events / 4;
    await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
    {
        for (var sent = 0; sent < perProducer; sent += 50)
        {
            var ids = Enumerable.Range(0, Math.Min(50, perProducer - sent)).Select(_ => Guid.CreateVersion7()).ToArray();
            await probe.ProduceManyAsync(ids, label);
        }
    }));
    var produced = timer.Elapsed;
    while (probe.Consumed.Count - before < perProducer * 4)
    {
        if (timer.Elapsed > TimeSpan.FromMinutes(10))
        {
            throw new TimeoutException($"only {probe.Consumed.Count - before} consumed");
        }

        await Task.Delay(10);
    }

    var total = timer.Elapsed;
    CpuSample.Take().PrintSince(throughputCpu, perProducer * 4);
    await PrintStagesAsync(label);
    Console.WriteLine(FormattableString.Invariant(
        $"sustained ({label}): {perProducer * 4} events committed in {produced.TotalSeconds:F1} s ({perProducer * 4 / produced.TotalSeconds:F0}/s), all consumed in {total.TotalSeconds:F1} s → {perProducer * 4 / total.TotalSeconds:F0} events/s end to end"));
}

async Task RunAtRateAsync(int eventsPerSecond, int duration, string label)
{
    var inFlight = new List<Task>();
    var held = 0;
    var clock = Stopwatch.StartNew();
    var count = eventsPerSecond * duration;
    for (var i = 0; i < count; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / eventsPerSecond);
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait);
        }

        inFlight.RemoveAll(t => t.IsCompleted);
        // An open loop with no bound took every connection of the probe's pool when the machine stalled (cold JIT at
        // the warm-up's start), and the pool's 3 s wait (PlatformConnectionStrings) then failed producers and the
        // inbox alike. A service's own writers are bounded by its requests; so is this producer, and it says how often.
        if (inFlight.Count >= MaxProducersInFlight)
        {
            held++;
            await Task.WhenAny(inFlight);
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        inFlight.Add(ProduceOneAsync(label));
    }

    await Task.WhenAll(inFlight);
    if (held > 0)
    {
        Console.WriteLine($"  ({label}) the producer waited {held} times for one of its {MaxProducersInFlight} transactions in flight");
    }
}

async Task ProduceOneAsync(string label)
{
    var id = Guid.CreateVersion7();
    // Stamped just before the commit is sent, so the consumer can never see the event before its stamp exists.
    await probe.ProduceManyAsync([id], label, committing: timestamp => committed[id] = timestamp);
}

async Task WaitForAllAsync(TimeSpan timeout)
{
    var deadline = Stopwatch.StartNew();
    while (probe.Consumed.Count < committed.Count && deadline.Elapsed < timeout)
    {
        await Task.Delay(10);
    }
}

// Where the time goes, from the rows' own timestamps: producer transaction (outbox created_at) → publish confirmed
// (dispatched_at) → consumer (inbox processed_at). Tells a relay that falls behind from a consumer that does.
async Task PrintStagesAsync(string label)
{
    var stages = await probe.QueryAsync(db => db.Database.SqlQueryRaw<StageFigures>("""
        SELECT
          percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM o.dispatched_at - o.created_at) * 1000) AS "RelayP50",
          percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM o.dispatched_at - o.created_at) * 1000) AS "RelayP99",
          percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM i.processed_at - o.dispatched_at) * 1000) AS "ConsumeP50",
          percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM i.processed_at - o.dispatched_at) * 1000) AS "ConsumeP99"
        FROM outbox_messages o JOIN inbox_messages i ON i.message_id = o.id
        JOIN probe_notes n ON n."Id" = (o.body ->> 'probeId')::uuid
        WHERE n."Label" = {0}
        """, label).SingleAsync());
    Console.WriteLine(FormattableString.Invariant(
        $"  stages ({label}): commit → broker confirmed p50={stages.RelayP50:F1} ms p99={stages.RelayP99:F1} ms; confirmed → consumer p50={stages.ConsumeP50:F1} ms p99={stages.ConsumeP99:F1} ms"));
}

static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
