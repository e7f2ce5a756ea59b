using CQCTP.ApiConventions.Http;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.ApiConventions.Data;

/// <summary>Keys live in the service's own database; the claim is a primary-key insert, so it is race-free.</summary>
public sealed class EfIdempotencyStore<TContext>(TContext db, TimeProvider clock) : IIdempotencyStore
    where TContext : DbContext
{
    /// <summary>How long a stored response is replayed.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A claim older than this without a response was abandoned (its process died): it may be taken over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<ClaimResult> TryClaimAsync(string scope, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = now - Retention;
        var abandoned = now - AbandonedAfter;
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM idempotency_requests
            WHERE scope = {scope} AND key = {key}
              AND (created_at < {expired} OR (completed_at IS NULL AND created_at < {abandoned}))
            """, cancellationToken);

        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotency_requests (scope, key, request_hash, created_at)
            VALUES ({scope}, {key}, {requestHash}, {now})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (inserted == 1)
        {
            return new ClaimResult(ClaimOutcome.Claimed, null);
        }

        var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
        if (existing is null)
        {
            // Released between our insert and our read: the caller may simply retry.
            return new ClaimResult(ClaimOutcome.InProgress, null);
        }

        if (existing.CompletedAt is null || existing.ResponseStatus is null)
        {
            return new ClaimResult(ClaimOutcome.InProgress, new StoredResponse(existing.RequestHash, 0,
                new Dictionary<string, string>(), []));
        }

        return new ClaimResult(ClaimOutcome.Replay, new StoredResponse(existing.RequestHash,
            existing.ResponseStatus.Value,
            Idempotency.DeserializeHeaders(existing.ResponseHeaders ?? "{}"),
            existing.ResponseBody ?? []));
    }

    public async Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        var headers = Idempotency.SerializeHeaders(response.Headers);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE idempotency_requests
            SET completed_at = {now}, response_status = {response.Status},
                response_headers = {headers}::jsonb, response_body = {response.Body}
            WHERE scope = {scope} AND key = {key}
            """, cancellationToken);
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_requests WHERE scope = {scope} AND key = {key} AND completed_at IS NULL",
            cancellationToken);
}
