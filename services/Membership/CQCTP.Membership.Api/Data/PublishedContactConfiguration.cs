using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class PublishedContactConfiguration : IEntityTypeConfiguration<PublishedContact>
{
    public void Configure(EntityTypeBuilder<PublishedContact> builder)
    {
        builder.ToTable("published_contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.Value).HasColumnName("value").HasMaxLength(254);
        builder.Property(c => c.NormalizedValue).HasColumnName("normalized_value").HasMaxLength(254);
        builder.HasIndex(c => c.NormalizedValue).IsUnique();
        builder.OwnsOne(c => c.Label, label =>
        {
            label.Property(l => l.Fr).HasColumnName("label_fr").HasMaxLength(200);
            label.Property(l => l.En).HasColumnName("label_en").HasMaxLength(200);
        });
        builder.Navigation(c => c.Label).IsRequired();
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        builder.Property(c => c.Version).IsRowVersion();
    }
}
