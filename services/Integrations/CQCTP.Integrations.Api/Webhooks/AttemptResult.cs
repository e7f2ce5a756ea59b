namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>What one POST came to: delivered, gone (410), worth a retry, or refused for good.</summary>
public enum AttemptResult
{
    Delivered,
    Gone,
    Retry,
    Refused,
}
