namespace CQCTP.Integrations.Tests;

/// <summary>One request a test receiver got: its <c>webhook-id</c>, headers and body.</summary>
public sealed record ReceivedWebhook(string Id, IReadOnlyDictionary<string, string> Headers, string Body);
