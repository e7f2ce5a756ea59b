namespace CQCTP.Messaging.Inbox;

/// <summary>What a handler may know about the delivery.</summary>
public sealed record EventContext(Guid MessageId, Guid? CorrelationId, DateTimeOffset? SentAt);
