namespace CQCTP.Messaging.Inbox;

/// <summary>The inbox key of a handler: its queue name, stable across deployments.</summary>
internal sealed record InboxConsumerName<THandler>(string Value);
