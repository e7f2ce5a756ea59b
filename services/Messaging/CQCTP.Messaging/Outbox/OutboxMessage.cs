namespace CQCTP.Messaging.Outbox;

/// <summary>An event recorded in the same transaction as the change it reports; its id is the MessageId.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>CLR type as <c>Namespace.Type, Assembly</c> (no version), resolved by the relay.</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }
    public Guid? CorrelationId { get; init; }
    public string? TraceParent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
