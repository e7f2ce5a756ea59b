using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CQCTP.Testing.Probe;

namespace CQCTP.ReliabilityTests;

/// <summary>
/// A steady write load: organizations created through the gateway, and probe events recorded by an in-process
/// service, each at a fixed rate. Remembers what was acknowledged: those must all have their effect, once.
/// Like a real client pool, at most <see cref="MaxCreatesInFlight"/> creates wait at once: a tick with none free
/// sends nothing, so a slow machine lowers the rate instead of queueing past every deadline.
/// </summary>
internal sealed class WriteLoad(HttpClient gateway, ProbeService probe, string label)
{
    public ConcurrentBag<Guid> Organizations { get; } = [];

    public ConcurrentBag<Guid> Probes { get; } = [];

    public ConcurrentDictionary<string, int> Answers { get; } = new();

    /// <summary>The first body of each refusal, for the test's output: which layer refused and why.</summary>
    public ConcurrentDictionary<string, string> FirstRefusals { get; } = new();

    /// <summary>How long each kind of answer took (ms), for the test's output: a deadline, a fast refusal, a queue.</summary>
    public ConcurrentDictionary<string, ConcurrentBag<long>> Latencies { get; } = new();

    /// <summary>Per second of sending: creates acknowledged and refused, to see when a refusal began.</summary>
    private readonly ConcurrentDictionary<int, (int Created, int Refused)> timeline = new();

    private readonly Stopwatch started = new();

    public const int MaxCreatesInFlight = 16;

    public int Sent => Answers.Where(a => !a.Key.StartsWith("not sent", StringComparison.Ordinal)).Sum(a => a.Value);

    public async Task RunAsync(int perSecond, TimeSpan duration, int probesPerSecond = 10)
    {
        var running = new List<Task>();
        using var creates = new SemaphoreSlim(MaxCreatesInFlight);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        var clock = Stopwatch.StartNew();
        started.Start();
        var tick = 0;
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            if (creates.Wait(0))
            {
                running.Add(CreateAsync(creates));
            }
            else
            {
                Count($"not sent ({MaxCreatesInFlight} in flight)");
            }

            if (tick++ % Math.Max(1, perSecond / probesPerSecond) == 0)
            {
                running.Add(ProduceAsync());
            }
        }

        await Task.WhenAll(running);
    }

    public string Summary() =>
        string.Join(", ", Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}"))
        + "; ms p50/max: " + string.Join(", ", Latencies.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => $"{l.Key} {Median(l.Value)}/{l.Value.Max()}"))
        + "; sent at second: created/refused " + string.Join(" ", timeline.OrderBy(t => t.Key)
            .Select(t => $"{t.Key}:{t.Value.Created}/{t.Value.Refused}"))
        + string.Concat(FirstRefusals.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"; first {r.Key}: {r.Value}"));

    private static long Median(IEnumerable<long> values) => values.Order().ElementAt(values.Count() / 2);

    private async Task CreateAsync(SemaphoreSlim creates)
    {
        var clock = Stopwatch.StartNew();
        var second = (int)started.Elapsed.TotalSeconds;
        try
        {
            using var response = await gateway.SendAsync(Requests.CreateOrganization(Requests.UniqueName(label)));
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Count(status);
            Latencies.GetOrAdd(status, _ => []).Add(clock.ElapsedMilliseconds);
            var created = response.StatusCode == HttpStatusCode.Created;
            timeline.AddOrUpdate(second, _ => created ? (1, 0) : (0, 1),
                (_, t) => created ? (t.Created + 1, t.Refused) : (t.Created, t.Refused + 1));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Organizations.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            }
            else if (!FirstRefusals.ContainsKey(status))
            {
                var body = await response.Content.ReadAsStringAsync();
                FirstRefusals.TryAdd(status, body.Length > 300 ? body[..300] : body);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Count("no answer");
        }
        finally
        {
            creates.Release();
        }
    }

    private async Task ProduceAsync()
    {
        try
        {
            Probes.Add(await probe.ProduceAsync(label));
            Count("probe committed");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The database refused or did not answer: nothing committed, nothing owed.
            Count("probe refused");
        }
    }

    private void Count(string answer) => Answers.AddOrUpdate(answer, 1, (_, n) => n + 1);
}
