using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class PrivacyOfficerConfiguration : IEntityTypeConfiguration<PrivacyOfficer>
{
    public void Configure(EntityTypeBuilder<PrivacyOfficer> builder)
    {
        builder.ToTable("privacy_officer");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(o => o.Name).HasColumnName("name").HasMaxLength(200);
        builder.OwnsOne(o => o.Title, title =>
        {
            title.Property(t => t.Fr).HasColumnName("title_fr").HasMaxLength(200);
            title.Property(t => t.En).HasColumnName("title_en").HasMaxLength(200);
        });
        builder.Navigation(o => o.Title).IsRequired();
        builder.Property(o => o.Email).HasColumnName("email").HasMaxLength(254);
        builder.Property(o => o.Phone).HasColumnName("phone").HasMaxLength(40);
        builder.Property(o => o.UpdatedAt).HasColumnName("updated_at");
        builder.Property(o => o.Version).IsRowVersion();
    }
}
