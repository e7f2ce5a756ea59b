namespace CQCTP.ApiConventions.Http;

/// <summary>Marks a creation endpoint whose <c>Idempotency-Key</c> makes retries safe.</summary>
public sealed class IdempotentMetadata;
