using System.Diagnostics;
using System.Globalization;
using CQCTP.Integrations.Events;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.Configuration;

// Runs once before the services start (they WaitForCompletion on it): every consumer queue and binding exists before
// any outbox relay publishes, so a fresh broker drops nothing. The AppHost hands it what each service declared it
// consumes (Topology:Queues:{queue}:{event type} = exchange). Declarations are idempotent; reruns are harmless.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var broker = configuration.GetConnectionString(ResourceNames.Messaging)
    ?? throw new InvalidOperationException($"Connection string '{ResourceNames.Messaging}' is missing.");
var management = configuration[ReplaySettings.ManagementUrlKey]
    ?? throw new InvalidOperationException($"Setting '{ReplaySettings.ManagementUrlKey}' is missing.");
var retention = configuration[ReplaySettings.RetentionKey] is { Length: > 0 } value
    ? TimeSpan.Parse(value, CultureInfo.InvariantCulture)
    : ReplaySettings.DefaultRetention;
var bindings = configuration.GetSection(EventSubscriptions.TopologySection).GetChildren()
    .SelectMany(queue => queue.GetChildren().Select(exchange => new QueueBinding(queue.Key, exchange.Value ?? "")))
    .Where(binding => binding.Exchange.Length > 0)
    .ToList();
// Personal events are never bound: integrators replay from this stream (docs/integrations.md).
var replayed = IntegrationEvents.Public.Select(EventSubscriptions.ExchangeName).ToList();
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var started = Stopwatch.StartNew();

await TopologyDeployer.DeployAsync(new Uri(broker), bindings, timeout.Token);
await ReplayStreamDeployer.DeployAsync(new Uri(broker), new Uri(management), IntegrationEvents.ReplayStream, replayed,
    retention, timeout.Token);

foreach (var binding in bindings)
{
    Console.WriteLine($"{binding.Exchange} -> {binding.Queue}");
}

Console.WriteLine($"Replay stream {IntegrationEvents.ReplayStream} ({ReplayStreamDeployer.MaxAge(retention)}) bound to {replayed.Count} event exchange(s)");
Console.WriteLine($"Topology of {bindings.Count} subscription(s) deployed in {started.ElapsedMilliseconds} ms");
