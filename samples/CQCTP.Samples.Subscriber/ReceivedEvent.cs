namespace CQCTP.Samples.Subscriber;

/// <summary>One delivery: the exchange it was published to (the event type), its message id and the JSON envelope.</summary>
public sealed record ReceivedEvent(string Exchange, string? MessageId, string Body);
