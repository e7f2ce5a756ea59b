namespace CQCTP.Integrations.Api.Endpoints;

/// <summary>A new signing secret (Standard Webhooks, <c>whsec_</c> + base64), shown this once.</summary>
public sealed record WebhookSecretResponse(string Secret);
