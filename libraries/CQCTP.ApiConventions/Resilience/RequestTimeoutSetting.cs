namespace CQCTP.ApiConventions.Resilience;

/// <summary>How long a request may go unanswered before it gets 503 (<c>Limits:RequestTimeout</c>).</summary>
internal sealed record RequestTimeoutSetting(TimeSpan Timeout);
