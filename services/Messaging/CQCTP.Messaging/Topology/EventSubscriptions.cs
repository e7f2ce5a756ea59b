using CQCTP.Membership.Contracts;

namespace CQCTP.Messaging.Topology;

/// <summary>Who consumes what: one line per (service, consumer, event). The topology step declares these queues.</summary>
public sealed record EventSubscription(string Service, string Consumer, Type MessageType)
{
    /// <summary>The consumer's queue (and its endpoint exchange), e.g. <c>concertation-member-organizations</c>.</summary>
    public string Queue => $"{Service}-{Consumer}";

    /// <summary>MassTransit's exchange for a message type: <c>Namespace:Type</c>.</summary>
    public string Exchange => TopologyNames.ExchangeFor(MessageType);
}

public static class EventSubscriptions
{
    /// <summary>Adding a consumer to a service starts here: a queue missing from this list is refused at start-up.</summary>
    public static readonly IReadOnlyList<EventSubscription> All =
    [
        new("concertation", "member-organizations", typeof(OrganizationRegistered)),
    ];

    public static EventSubscription For(string service, string consumer, Type messageType) =>
        All.SingleOrDefault(s => s.Service == service && s.Consumer == consumer && s.MessageType == messageType)
        ?? throw new InvalidOperationException(
            $"{service} consumes {messageType.Name} as '{consumer}' but EventSubscriptions does not declare it; " +
            "add it there so the topology step creates its queue before anything is published.");
}

public static class TopologyNames
{
    public static string ExchangeFor(Type messageType) => $"{messageType.Namespace}:{messageType.Name}";
}
