namespace CQCTP.ServiceDefaults;

/// <summary>
/// How the AppHost tells the topology step and each service which event queues exist. Each service's line in the
/// AppHost declares what it consumes (<c>.WithSubscription&lt;TEvent&gt;("consumer")</c>); the topology step declares
/// those queues before anything is published, and a service refuses to consume what it was not declared.
/// </summary>
public static class EventSubscriptions
{
    /// <summary>A service's section: <c>Messaging:Subscriptions:{consumer}:{event type}</c> = the event's exchange.</summary>
    public const string ServiceSection = "Messaging:Subscriptions";

    /// <summary>The topology step's section: <c>Topology:Queues:{queue}:{event type}</c> = the exchange bound to it.</summary>
    public const string TopologySection = "Topology:Queues";

    /// <summary>A consumer's queue (and its endpoint exchange): <c>concertation-member-organizations</c>.</summary>
    public static string QueueName(string service, string consumer) => $"{service}-{consumer}";

    /// <summary>MassTransit's exchange for a message type: <c>Namespace:Type</c>.</summary>
    public static string ExchangeName(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return $"{messageType.Namespace}:{messageType.Name}";
    }

    /// <summary>The configuration key of one subscription under a section and a queue or consumer.</summary>
    public static string Key(string section, string queueOrConsumer, Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return $"{section}:{queueOrConsumer}:{messageType.FullName}";
    }
}
