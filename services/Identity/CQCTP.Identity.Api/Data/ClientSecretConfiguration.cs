using CQCTP.Identity.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Identity.Api.Data;

internal sealed class ClientSecretConfiguration : IEntityTypeConfiguration<ClientSecret>
{
    public void Configure(EntityTypeBuilder<ClientSecret> builder)
    {
        builder.ToTable("client_secrets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.ClientId).HasColumnName("client_id").HasMaxLength(100);
        builder.Property(s => s.Salt).HasColumnName("salt");
        builder.Property(s => s.Hash).HasColumnName("hash");
        builder.Property(s => s.HashIterations).HasColumnName("hash_iterations");
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.Property(s => s.ExpiresAt).HasColumnName("expires_at");
        builder.Property(s => s.RevokedAt).HasColumnName("revoked_at");
        builder.Property(s => s.BrokerPasswordHash).HasColumnName("broker_password_hash").HasMaxLength(100);
    }
}
