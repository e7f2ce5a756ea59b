using System.Diagnostics;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.Configuration;

// Runs once before the services start (they WaitForCompletion on it): every consumer queue and binding exists before
// any outbox relay publishes, so a fresh broker drops nothing. Declarations are idempotent; reruns are harmless.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var broker = configuration.GetConnectionString(ResourceNames.Messaging)
    ?? throw new InvalidOperationException($"Connection string '{ResourceNames.Messaging}' is missing.");
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var started = Stopwatch.StartNew();

await TopologyDeployer.DeployAsync(new Uri(broker), EventSubscriptions.All, timeout.Token);

foreach (var subscription in EventSubscriptions.All)
{
    Console.WriteLine($"{subscription.Exchange} -> {subscription.Queue}");
}

Console.WriteLine($"Topology of {EventSubscriptions.All.Count} subscription(s) deployed in {started.ElapsedMilliseconds} ms");
