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
/// </summary>
internal sealed class WriteLoad(HttpClient gateway, ProbeService probe, string label)
{
    public ConcurrentBag<Guid> Organizations { get; } = [];

    public ConcurrentBag<Guid> Probes { get; } = [];

    public ConcurrentDictionary<string, int> Answers { get; } = new();

    public int Sent => Answers.Values.Sum();

    public async Task RunAsync(int perSecond, TimeSpan duration, int probesPerSecond = 10)
    {
        var running = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        var clock = Stopwatch.StartNew();
        var tick = 0;
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            running.Add(CreateAsync());
            if (tick++ % Math.Max(1, perSecond / probesPerSecond) == 0)
            {
                running.Add(ProduceAsync());
            }
        }

        await Task.WhenAll(running);
    }

    public string Summary() => string.Join(", ", Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}"));

    private async Task CreateAsync()
    {
        try
        {
            using var response = await gateway.SendAsync(Requests.CreateOrganization(Requests.UniqueName(label)));
            Count(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Organizations.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Count("no answer");
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
