namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>
/// One message of the replay stream: its offset, the event exchange it was published to, its envelope, and the AMQP
/// <c>message-id</c> (which names the message when its envelope cannot be read).
/// </summary>
public sealed record StreamEvent(long Offset, string Exchange, ReadOnlyMemory<byte> Body, string? AmqpMessageId = null);
