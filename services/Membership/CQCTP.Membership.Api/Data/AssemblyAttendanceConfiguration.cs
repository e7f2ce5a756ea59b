using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class AssemblyAttendanceConfiguration : IEntityTypeConfiguration<AssemblyAttendance>
{
    public void Configure(EntityTypeBuilder<AssemblyAttendance> builder)
    {
        builder.ToTable("assembly_attendance");
        // Present once: recording a delegate twice is a 409 duplicate.
        builder.HasKey(a => new { a.AssemblyId, a.DelegateId });
        builder.Property(a => a.AssemblyId).HasColumnName("assembly_id");
        builder.Property(a => a.DelegateId).HasColumnName("delegate_id");
        builder.Property(a => a.OrganizationId).HasColumnName("organization_id");
        builder.Property(a => a.RecordedAt).HasColumnName("recorded_at");
        builder.HasOne<GeneralAssembly>().WithMany().HasForeignKey(a => a.AssemblyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MemberDelegate>().WithMany().HasForeignKey(a => a.DelegateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
