using CQCTP.ApiConventions.Http;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.ApiConventions.Data;

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
