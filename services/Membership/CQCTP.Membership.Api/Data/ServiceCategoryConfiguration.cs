using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class ServiceCategoryConfiguration : IEntityTypeConfiguration<ServiceCategory>
{
    public void Configure(EntityTypeBuilder<ServiceCategory> builder)
    {
        builder.ToTable("service_categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.Code).HasColumnName("code").HasMaxLength(40);
        builder.HasAlternateKey(c => c.Code);
        builder.OwnsOne(c => c.Label, label =>
        {
            label.Property(l => l.Fr).HasColumnName("label_fr").HasMaxLength(100).UseCollation("fr-CA-x-icu");
            label.Property(l => l.En).HasColumnName("label_en").HasMaxLength(100);
        });
        builder.Navigation(c => c.Label).IsRequired();
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        builder.Property(c => c.Version).IsRowVersion();
    }
}
