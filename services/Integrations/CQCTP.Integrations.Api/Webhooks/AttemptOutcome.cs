namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>One attempt's result, status code (when the receiver answered) and what went wrong.</summary>
public sealed record AttemptOutcome(AttemptResult Result, int? StatusCode, string? Error);
