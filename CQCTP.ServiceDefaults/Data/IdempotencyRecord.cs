using CQCTP.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.ServiceDefaults.Data;

/// <summary>A claimed <c>Idempotency-Key</c> and, once the request succeeded, its response.</summary>
public sealed class IdempotencyRecord
{
    public required string Scope { get; init; }
    public required string Key { get; init; }
    public required byte[] RequestHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    public int? ResponseStatus { get; set; }
    public string? ResponseHeaders { get; set; }
    public byte[]? ResponseBody { get; set; }
}

public static class IdempotencyModel
{
    public const string Table = "idempotency_requests";

    /// <summary>Adds the idempotency table to a service's model, so its migrations create it.</summary>
    public static ModelBuilder AddIdempotencyRecords(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(entity =>
        {
            entity.ToTable(Table);
            entity.HasKey(r => new { r.Scope, r.Key });
            entity.Property(r => r.Scope).HasColumnName("scope").HasMaxLength(400);
            entity.Property(r => r.Key).HasColumnName("key").HasMaxLength(Idempotency.MaxKeyLength);
            entity.Property(r => r.RequestHash).HasColumnName("request_hash");
            entity.Property(r => r.CreatedAt).HasColumnName("created_at");
            entity.Property(r => r.CompletedAt).HasColumnName("completed_at");
            entity.Property(r => r.ResponseStatus).HasColumnName("response_status");
            entity.Property(r => r.ResponseHeaders).HasColumnName("response_headers").HasColumnType("jsonb");
            entity.Property(r => r.ResponseBody).HasColumnName("response_body");
            entity.HasIndex(r => r.CreatedAt);
        });
        return modelBuilder;
    }
}

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
