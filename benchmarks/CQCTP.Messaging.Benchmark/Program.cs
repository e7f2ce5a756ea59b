using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CQCTP.Testing;
using CQCTP.Testing.Probe;
using HdrHistogram;

// Commit → consume latency at a fixed rate, then sustained throughput, through the real path:
// outbox row committed in PostgreSQL → NOTIFY → relay → RabbitMQ (publisher confirms) → inbox consumer.
// Usage: dotnet run -c Release --project benchmarks/CQCTP.Messaging.Benchmark -- [rate] [seconds] [throughputEvents]
var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
var throughputEvents = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60_000;

Console.WriteLine($"Starting the platform (PostgreSQL, RabbitMQ, services) on a fresh data root…");
await using var platform = await PlatformInstance.StartAsync();
await using var probe = await ProbeService.StartAsync(platform, "bench-" + Guid.NewGuid().ToString("N")[..8]);
Console.WriteLine($"Platform started in {platform.StartedIn.TotalSeconds:F1} s");

var committed = new ConcurrentDictionary<Guid, long>();

Console.WriteLine("Warm-up: 10 s at the target rate");
await RunAtRateAsync(rate, 10, "warm-up");
await WaitForAllAsync(TimeSpan.FromSeconds(60));

Console.WriteLine($"Latency: {rate} events/s for {seconds} s, one transaction per event");
var latencyStart = probe.Consumed.Count;
await RunAtRateAsync(rate, seconds, "latency");
await WaitForAllAsync(TimeSpan.FromSeconds(120));
var histogram = new LongHistogram(TimeStamp.Seconds(60), 3);
foreach (var (probeId, consumedAt) in probe.Consumed.Skip(latencyStart))
{
    if (committed.TryGetValue(probeId, out var committedAt))
    {
        histogram.RecordValue(Math.Max(0, consumedAt - committedAt));
    }
}

Console.WriteLine(FormattableString.Invariant(
    $"commit → consume: n={histogram.TotalCount} p50={Ms(histogram.GetValueAtPercentile(50)):F2} ms p90={Ms(histogram.GetValueAtPercentile(90)):F2} ms p99={Ms(histogram.GetValueAtPercentile(99)):F2} ms max={Ms(histogram.GetMaxValue()):F2} ms"));

Console.WriteLine($"Throughput: {throughputEvents} events, 4 producers, 50 events per transaction");
var before = probe.Consumed.Count;
var timer = Stopwatch.StartNew();
var perProducer = throughputEvents / 4;
await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
{
    for (var sent = 0; sent < perProducer; sent += 50)
    {
        var ids = Enumerable.Range(0, Math.Min(50, perProducer - sent)).Select(_ => Guid.CreateVersion7()).ToArray();
        await probe.ProduceManyAsync(ids, "throughput");
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
Console.WriteLine(FormattableString.Invariant(
    $"sustained: {perProducer * 4} events committed in {produced.TotalSeconds:F1} s ({perProducer * 4 / produced.TotalSeconds:F0}/s), all consumed in {total.TotalSeconds:F1} s → {perProducer * 4 / total.TotalSeconds:F0} events/s end to end"));
return;

async Task RunAtRateAsync(int eventsPerSecond, int duration, string label)
{
    var inFlight = new List<Task>();
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

        inFlight.Add(ProduceOneAsync(label));
        inFlight.RemoveAll(t => t.IsCompleted);
    }

    await Task.WhenAll(inFlight);
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

static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
