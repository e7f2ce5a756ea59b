using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> builder)
    {
        builder.ToTable("committee_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(m => m.CommitteeId).HasColumnName("committee_id");
        builder.Property(m => m.DelegateId).HasColumnName("delegate_id");
        builder.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MemberDelegate>().WithMany().HasForeignKey(m => m.DelegateId).OnDelete(DeleteBehavior.Restrict);
        // One seat per delegate and committee: a second answers 409 duplicate.
        builder.HasIndex(m => new { m.CommitteeId, m.DelegateId }).IsUnique();
        builder.Property(m => m.Role).HasColumnName("role").HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.TermStart).HasColumnName("term_start");
        builder.Property(m => m.TermEnd).HasColumnName("term_end");
        builder.Property(m => m.UpdatedAt).HasColumnName("updated_at");
        builder.Property(m => m.Version).IsRowVersion();
    }
}
