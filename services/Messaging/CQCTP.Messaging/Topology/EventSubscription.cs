namespace CQCTP.Messaging.Topology;

/// <summary>One service's consumer of one event type: the queue it reads and the exchange bound to it.</summary>
public sealed record EventSubscription(string Service, string Consumer, Type MessageType)
{
    /// <summary>The consumer's queue (and its endpoint exchange), e.g. <c>concertation-member-organizations</c>.</summary>
    public string Queue => ServiceDefaults.EventSubscriptions.QueueName(Service, Consumer);

    /// <summary>MassTransit's exchange for the message type: <c>Namespace:Type</c>.</summary>
    public string Exchange => ServiceDefaults.EventSubscriptions.ExchangeName(MessageType);

    public QueueBinding Binding => new(Queue, Exchange);
}
