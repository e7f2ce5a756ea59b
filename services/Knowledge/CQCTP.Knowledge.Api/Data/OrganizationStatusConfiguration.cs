using CQCTP.Knowledge.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Knowledge.Api.Data;

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
