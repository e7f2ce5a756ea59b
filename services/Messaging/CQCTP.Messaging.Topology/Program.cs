using System.Diagnostics;
using System.Globalization;
using CQCTP.Integrations.Events;
using CQCTP.Messaging.Broker;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.Configuration;

// Runs once before the services start (they WaitForCompletion on it): every consumer queue and binding exists before
// any outbox relay publishes, so a fresh broker drops nothing. The AppHost hands it what each service declared it
// consumes (Topology:Queues:{queue}:{event type} = exchange). Declarations are idempotent; reruns are harmless.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var broker = configuration.GetConnectionString(ResourceNames.Messaging)
    ?? throw new InvalidOperationException($"Connection string '{ResourceNames.Messaging}' is missing.");
var management = configuration[PlatformConfigurationKeys.TopologyManagement]
    ?? throw new InvalidOperationException($"Setting '{PlatformConfigurationKeys.TopologyManagement}' is missing.");
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
// Each service's own broker user (Topology:Users:{service}:…), allowed only what it publishes and consumes; and the
// identity service's provisioning account for the integrators' users (docs/adr/0005).
var accounts = ServiceAccounts.From(configuration.GetSection(ServiceAccounts.Section), IntegrationEvents.All);
var admin = new Uri(broker);
var credentials = Uri.UnescapeDataString(admin.UserInfo).Split(':', 2);
using (var client = BrokerManagementClient.Create(new Uri(management), credentials[0], credentials.ElementAtOrDefault(1) ?? ""))
{
    await BrokerAccountsDeployer.DeployAsync(client, accounts, configuration[ServiceAccounts.ProvisioningPasswordKey],
        timeout.Token);
}

foreach (var account in accounts)
{
    Console.WriteLine($"{account.User}: configure {account.Permissions.Configure}, write {account.Permissions.Write}, read {account.Permissions.Read}");
}

Console.WriteLine($"Topology of {bindings.Count} subscription(s) and {accounts.Count} service user(s) deployed in {started.ElapsedMilliseconds} ms");
