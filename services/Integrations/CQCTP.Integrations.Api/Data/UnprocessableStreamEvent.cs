namespace CQCTP.Integrations.Api.Data;

/// <summary>
/// A stream message the reader could not turn into deliveries (an unparseable envelope, an event type this build does
/// not know, a body PostgreSQL refuses): recorded so an operator sees it, and skipped so the stream never blocks. No
/// body: it may hold personal data, and the stream keeps it for its retention anyway (read it at <see cref="Offset"/>).
/// </summary>
public sealed class UnprocessableStreamEvent
{
    public string Stream { get; set; } = "";
    public long Offset { get; set; }

    /// <summary>The envelope's <c>messageId</c>, or the AMQP <c>message-id</c> when the envelope cannot be read.</summary>
    public Guid? MessageId { get; set; }

    /// <summary>The catalogue's name of the event, or the exchange when the type is unknown.</summary>
    public string EventType { get; set; } = "";

    /// <summary>A code (<c>unparseable-envelope</c>, <c>unknown-event-type</c>, <c>refused-by-postgresql 22P05</c>), never the data.</summary>
    public string Error { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
