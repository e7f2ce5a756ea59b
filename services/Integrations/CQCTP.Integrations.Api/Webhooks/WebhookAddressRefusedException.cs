namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>A receiver's host resolved to an address the SSRF guard refuses; nothing was connected.</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);
