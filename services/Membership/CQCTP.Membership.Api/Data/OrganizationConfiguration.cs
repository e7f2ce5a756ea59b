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
        // Longer than the name: a key the stricter rule found colliding carries a suffix (LegalNameSql).
        builder.Property(o => o.NormalizedLegalName).HasColumnName("normalized_legal_name").HasMaxLength(400);
        builder.HasIndex(o => o.NormalizedLegalName).IsUnique();
        builder.Property(o => o.CommonName).HasColumnName("common_name").HasMaxLength(200);
        builder.Property(o => o.Type).HasColumnName("type").HasConversion<string>().HasMaxLength(40);
        builder.PrimitiveCollection(o => o.FocusAreas).HasColumnName("focus_areas").ElementType().HasConversion<string>();
        builder.Property(o => o.RegionCode).HasColumnName("region_code").HasMaxLength(2);
        builder.PrimitiveCollection(o => o.RegionsServed).HasColumnName("regions_served");
        builder.PrimitiveCollection(o => o.LanguagesServed).HasColumnName("languages_served");
        builder.Property(o => o.PublicEmail).HasColumnName("public_email").HasMaxLength(254);
        builder.Property(o => o.PublicPhone).HasColumnName("public_phone").HasMaxLength(40);
        builder.Property(o => o.Website).HasColumnName("website").HasMaxLength(500);
        builder.OwnsOne(o => o.Description, description =>
        {
            description.Property(d => d.Fr).HasColumnName("description_fr").HasMaxLength(2000);
            description.Property(d => d.En).HasColumnName("description_en").HasMaxLength(2000);
        });
        builder.OwnsOne(o => o.Address, address =>
        {
            address.Property(a => a.Street).HasColumnName("address_street").HasMaxLength(200);
            address.Property(a => a.City).HasColumnName("address_city").HasMaxLength(100);
            address.Property(a => a.PostalCode).HasColumnName("address_postal_code").HasMaxLength(7);
            address.Property(a => a.RegionCode).HasColumnName("address_region_code").HasMaxLength(2);
        });
        builder.Property(o => o.AddressIsPublic).HasColumnName("address_is_public");
        builder.Property(o => o.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(o => o.Status);
        builder.Property(o => o.MembershipType).HasColumnName("membership_type").HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.StatusEffectiveDate).HasColumnName("status_effective_date");
        builder.HasMany(o => o.History).WithOne().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(o => o.CreatedAt).HasColumnName("created_at");
        builder.Property(o => o.UpdatedAt).HasColumnName("updated_at");
        builder.Property(o => o.Version).IsRowVersion();
    }
}
