using CQCTP.Integrations.Events;
using CQCTP.Messaging.Broker;
using Microsoft.Extensions.Configuration;

namespace CQCTP.Messaging.Topology;

/// <summary>
/// The services' broker users as the AppHost describes them: <c>Topology:Users:{service}:Password</c>,
/// <c>…:Consumes:{consumer}:{event type}</c> = exchange, <c>…:Reads:{n}</c> = a queue read as it is. What a service
/// publishes comes from the contracts: the events of its own contracts project.
/// </summary>
internal static class ServiceAccounts
{
    public const string Section = "Topology:Users";
    public const string ProvisioningPasswordKey = "Topology:ProvisioningPassword";

    public static IReadOnlyList<ServiceBrokerAccount> From(IConfigurationSection users, IReadOnlyList<Type> events) =>
    [
        .. users.GetChildren().Select(service =>
        {
            var password = service["Password"] is { Length: > 0 } p
                ? p
                : throw new InvalidOperationException($"{Section}:{service.Key}:Password is missing.");
            var consumed = service.GetSection("Consumes").GetChildren()
                .SelectMany(consumer => consumer.GetChildren().Select(e => e.Value ?? ""))
                .Where(e => e.Length > 0);
            var reads = service.GetSection("Reads").GetChildren().Select(q => q.Value ?? "").Where(q => q.Length > 0);
            var published = events.Where(e => IntegrationEvents.Publisher(e) == service.Key)
                .Select(ServiceDefaults.EventSubscriptions.ExchangeName);
            return new ServiceBrokerAccount(service.Key, password,
                BrokerPermissions.ForService(service.Key, published, consumed, reads));
        }),
    ];
}
