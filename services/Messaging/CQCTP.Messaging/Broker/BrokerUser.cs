namespace CQCTP.Messaging.Broker;

/// <summary>A user as the broker's management API lists it.</summary>
public sealed record BrokerUser(string Name, IReadOnlyList<string> Tags);
