using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        // ICU French collation: names sort as people expect ("École" before "Zoé").
        builder.Property(o => o.LegalName).HasColumnName("legal_name").HasMaxLength(200).UseCollation("fr-CA-x-icu");
        builder.Property(o => o.NormalizedLegalName).HasColumnName("normalized_legal_name").HasMaxLength(200);
        builder.HasIndex(o => o.NormalizedLegalName).IsUnique();
        builder.Property(o => o.CommonName).HasColumnName("common_name").HasMaxLength(200);
        builder.Property(o => o.RegionCode).HasColumnName("region_code").HasMaxLength(2);
        builder.Property(o => o.PublicEmail).HasColumnName("public_email").HasMaxLength(254);
        builder.Property(o => o.Website).HasColumnName("website").HasMaxLength(500);
        builder.OwnsOne(o => o.Description, description =>
        {
            description.Property(d => d.Fr).HasColumnName("description_fr").HasMaxLength(2000);
            description.Property(d => d.En).HasColumnName("description_en").HasMaxLength(2000);
        });
        builder.Property(o => o.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.CreatedAt).HasColumnName("created_at");
        builder.Property(o => o.UpdatedAt).HasColumnName("updated_at");
        builder.Property(o => o.Version).IsRowVersion();
    }
}
