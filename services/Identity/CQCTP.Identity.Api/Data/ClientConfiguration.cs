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
