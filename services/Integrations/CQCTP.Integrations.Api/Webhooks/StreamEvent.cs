namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>One message of the replay stream: its offset, the event exchange it was published to, and its envelope.</summary>
public sealed record StreamEvent(long Offset, string Exchange, ReadOnlyMemory<byte> Body);
