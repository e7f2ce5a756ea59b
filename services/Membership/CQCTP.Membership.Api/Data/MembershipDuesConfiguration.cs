using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class MembershipDuesConfiguration : IEntityTypeConfiguration<MembershipDues>
{
    public void Configure(EntityTypeBuilder<MembershipDues> builder)
    {
        builder.ToTable("membership_dues");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.OrganizationId).HasColumnName("organization_id");
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.FiscalYear).HasColumnName("fiscal_year");
        // One record per organization and year: a second one is a 409 duplicate, not a second bill.
        builder.HasIndex(d => new { d.OrganizationId, d.FiscalYear }).IsUnique();
        builder.Property(d => d.Amount).HasColumnName("amount").HasPrecision(10, 2);
        builder.Property(d => d.PaidOn).HasColumnName("paid_on");
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        builder.Property(d => d.UpdatedAt).HasColumnName("updated_at");
        builder.Property(d => d.Version).IsRowVersion();
        builder.Ignore(d => d.IsPaid);
    }
}
