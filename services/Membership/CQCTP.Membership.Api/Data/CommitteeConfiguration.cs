using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> builder)
    {
        builder.ToTable("committees");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(c => c.Name, name =>
        {
            name.Property(n => n.Fr).HasColumnName("name_fr").HasMaxLength(200).UseCollation("fr-CA-x-icu");
            name.Property(n => n.En).HasColumnName("name_en").HasMaxLength(200);
        });
        builder.Navigation(c => c.Name).IsRequired();
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        builder.Property(c => c.Version).IsRowVersion();
    }
}
