namespace CQCTP.ApiConventions.Http;

/// <summary>Where idempotency keys and their first responses are kept (the service's own database).</summary>
public interface IIdempotencyStore
{
    Task<ClaimResult> TryClaimAsync(string scope, string key, byte[] requestHash, CancellationToken cancellationToken);

    Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken);

    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
