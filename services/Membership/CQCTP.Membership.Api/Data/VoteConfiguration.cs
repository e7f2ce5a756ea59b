using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.ToTable("votes");
        // One vote per organization and resolution, whatever two clerks send at once.
        builder.HasKey(v => new { v.ResolutionId, v.OrganizationId });
        builder.Property(v => v.ResolutionId).HasColumnName("resolution_id");
        builder.Property(v => v.OrganizationId).HasColumnName("organization_id");
        builder.Property(v => v.DelegateId).HasColumnName("delegate_id");
        builder.Property(v => v.Choice).HasColumnName("choice").HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.CastAt).HasColumnName("cast_at");
        builder.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MemberDelegate>().WithMany().HasForeignKey(v => v.DelegateId).OnDelete(DeleteBehavior.Restrict);
    }
}
