namespace CQCTP.Messaging.Topology;

/// <summary>An event exchange bound to a consumer's queue: what the topology step declares.</summary>
public sealed record QueueBinding(string Queue, string Exchange);
