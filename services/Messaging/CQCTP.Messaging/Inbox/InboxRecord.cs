namespace CQCTP.Messaging.Inbox;

/// <summary>A message whose effect a consumer has committed; its presence makes a redelivery a no-op.</summary>
public sealed class InboxRecord
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
