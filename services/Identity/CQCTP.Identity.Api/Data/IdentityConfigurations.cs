using CQCTP.Identity.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Identity.Api.Data;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("clients");
        builder.HasKey(c => c.ClientId);
        builder.Property(c => c.ClientId).HasColumnName("client_id").HasMaxLength(100);
        builder.Property(c => c.DisplayName).HasColumnName("display_name").HasMaxLength(200);
        builder.Property(c => c.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Scopes).HasColumnName("scopes");
        builder.Property(c => c.OrganizationId).HasColumnName("organization_id");
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.RevokedAt).HasColumnName("revoked_at");
        builder.HasMany(c => c.Secrets).WithOne().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Secrets).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => c.OrganizationId);
    }
}

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
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.ToTable("signing_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(k => k.KeyId).HasColumnName("key_id").HasMaxLength(64);
        builder.Property(k => k.PrivateKey).HasColumnName("private_key");
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(k => k.KeyId).IsUnique();
    }
}

internal sealed class OrganizationStatusConfiguration : IEntityTypeConfiguration<OrganizationStatus>
{
    public void Configure(EntityTypeBuilder<OrganizationStatus> builder)
    {
        builder.ToTable("organization_statuses");
        builder.HasKey(s => s.OrganizationId);
        builder.Property(s => s.OrganizationId).HasColumnName("organization_id").ValueGeneratedNever();
        builder.Property(s => s.IsActiveMember).HasColumnName("is_active_member");
        builder.Property(s => s.UpdatedAt).HasColumnName("updated_at");
    }
}
