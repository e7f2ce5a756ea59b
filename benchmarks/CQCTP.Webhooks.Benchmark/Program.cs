using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CQCTP.Security;
using CQCTP.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Webhook fan-out through the whole AppHost: --subscriptions webhooks of dev-integrator on one local receiver, then
// --events organizations created through the gateway. Each OrganizationRegistered goes outbox → broker → replay
// stream → integrations' reader → one delivery per subscription → signed POST. Prints deliveries/s and the time from
// the create's answer (its commit) to each webhook's arrival.
// Usage: dotnet run --project benchmarks/CQCTP.Webhooks.Benchmark -- [--events=1000] [--subscriptions=10]
//        [--parallel=8]  (docs/benchmarks.md)
var options = new ConfigurationBuilder().AddCommandLine(args).Build();
var events = options.GetValue("events", 1000);
var subscriptions = options.GetValue("subscriptions", 10);
var parallel = options.GetValue("parallel", 8);
var culture = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();

var arrivals = new ConcurrentDictionary<(string Organization, string Subscription), TimeSpan>();
var receiverBuilder = WebApplication.CreateSlimBuilder();
receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
receiverBuilder.Logging.ClearProviders();
await using var receiver = receiverBuilder.Build();
receiver.MapPost("/hook/{subscription}", async (string subscription, HttpRequest request) =>
{
    var arrived = clock.Elapsed;
    using var envelope = await JsonDocument.ParseAsync(request.Body);
    if (envelope.RootElement.GetProperty("message").TryGetProperty("organizationId", out var organization))
    {
        arrivals.TryAdd((organization.GetString()!, subscription), arrived);
    }

    return Results.NoContent();
});
await receiver.StartAsync();
var receiverAddress = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

await using var platform = await PlatformInstance.StartAsync(settings: ["RateLimits:Profile=Benchmark"]);
Console.WriteLine(string.Create(culture, $"Platform started in {clock.Elapsed.TotalSeconds:F1} s"));
using var integrator = platform.CreateGatewayClient(DevelopmentClients.Integrator);
string[] registered = ["OrganizationRegistered"];
for (var i = 0; i < subscriptions; i++)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/integrations/webhooks")
    {
        Content = JsonContent.Create(new { url = $"{receiverAddress}/hook/{i}", eventTypes = registered }),
    };
    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
    using var response = await integrator.SendAsync(request);
    response.EnsureSuccessStatusCode();
}

using var staff = platform.CreateGatewayClient();
var committed = new ConcurrentDictionary<string, TimeSpan>();
var started = clock.Elapsed;
await Parallel.ForAsync(0, events, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
{
    using var response = await staff.PostAsJsonAsync("/api/v1/membership/organizations",
        new { legalName = $"Organisme webhook {i} {Guid.NewGuid():N} (benchmark)" }, ct);
    response.EnsureSuccessStatusCode();
    var answered = clock.Elapsed;
    using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
    committed[body.RootElement.GetProperty("id").GetString()!] = answered;
});
var created = clock.Elapsed - started;

var expected = events * subscriptions;
var deadline = clock.Elapsed + TimeSpan.FromMinutes(5);
while (arrivals.Count(a => committed.ContainsKey(a.Key.Organization)) < expected && clock.Elapsed < deadline)
{
    await Task.Delay(100);
}

var delivered = arrivals.Where(a => committed.ContainsKey(a.Key.Organization)).ToList();
var latencies = delivered.Select(a => (a.Value - committed[a.Key.Organization]).TotalMilliseconds).Order().ToList();
var last = delivered.Count > 0 ? delivered.Max(a => a.Value) : clock.Elapsed;
Console.WriteLine(string.Create(culture,
    $"{events} events created in {created.TotalSeconds:F1} s ({events / created.TotalSeconds:F0}/s), {subscriptions} subscriptions: {delivered.Count} of {expected} deliveries"));
Console.WriteLine(string.Create(culture,
    $"Deliveries/s from the first create to the last delivery: {delivered.Count / (last - started).TotalSeconds:F0}"));
if (latencies.Count > 0)
{
    Console.WriteLine(string.Create(culture,
        $"Commit → webhook: p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms"));
}

return delivered.Count == expected ? 0 : 1;

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
