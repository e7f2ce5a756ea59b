using CQCTP.Concertation.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Concertation.Api.Data;

internal sealed class MemberOrganizationConfiguration : IEntityTypeConfiguration<MemberOrganization>
{
    public void Configure(EntityTypeBuilder<MemberOrganization> builder)
    {
        builder.ToTable("member_organizations");
        builder.HasKey(o => o.OrganizationId);
        builder.Property(o => o.OrganizationId).HasColumnName("organization_id").ValueGeneratedNever();
        builder.Property(o => o.LegalName).HasColumnName("legal_name").HasMaxLength(200).UseCollation("fr-CA-x-icu");
        builder.Property(o => o.CommonName).HasColumnName("common_name").HasMaxLength(200);
        builder.Property(o => o.RegionCode).HasColumnName("region_code").HasMaxLength(2);
        builder.Property(o => o.MembershipStatus).HasColumnName("membership_status").HasMaxLength(20);
        builder.Property(o => o.StatusReportedAt).HasColumnName("status_reported_at");
        builder.Property(o => o.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(o => o.LegalName);
    }
}
