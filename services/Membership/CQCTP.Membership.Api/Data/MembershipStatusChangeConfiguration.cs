using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class MembershipStatusChangeConfiguration : IEntityTypeConfiguration<MembershipStatusChange>
{
    public void Configure(EntityTypeBuilder<MembershipStatusChange> builder)
    {
        builder.ToTable("membership_status_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.OrganizationId).HasColumnName("organization_id");
        builder.HasIndex(c => new { c.OrganizationId, c.ChangedAt });
        builder.Property(c => c.OldStatus).HasColumnName("old_status").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.NewStatus).HasColumnName("new_status").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reason).HasColumnName("reason").HasMaxLength(500);
        builder.Property(c => c.EffectiveDate).HasColumnName("effective_date");
        builder.Property(c => c.ChangedAt).HasColumnName("changed_at");
        builder.Property(c => c.ChangedBy).HasColumnName("changed_by").HasMaxLength(200);
    }
}
