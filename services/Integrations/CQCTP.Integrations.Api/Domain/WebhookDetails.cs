namespace CQCTP.Integrations.Api.Domain;

/// <summary>What an integrator says about a subscription: where, which events (catalogue names), and why.</summary>
public sealed record WebhookDetails(Uri Url, IReadOnlyList<string> EventTypes, string? Description);
