using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class GeneralAssemblyConfiguration : IEntityTypeConfiguration<GeneralAssembly>
{
    public void Configure(EntityTypeBuilder<GeneralAssembly> builder)
    {
        builder.ToTable("general_assemblies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(a => a.Title, title =>
        {
            title.Property(t => t.Fr).HasColumnName("title_fr").HasMaxLength(200);
            title.Property(t => t.En).HasColumnName("title_en").HasMaxLength(200);
        });
        builder.Navigation(a => a.Title).IsRequired();
        builder.Property(a => a.StartsAt).HasColumnName("starts_at");
        builder.Property(a => a.Location).HasColumnName("location").HasMaxLength(300);
        builder.OwnsOne(a => a.Convocation, convocation =>
        {
            convocation.Property(c => c.Fr).HasColumnName("convocation_fr").HasMaxLength(10000);
            convocation.Property(c => c.En).HasColumnName("convocation_en").HasMaxLength(10000);
        });
        builder.Property(a => a.QuorumPercent).HasColumnName("quorum_percent");
        builder.Property(a => a.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ConvenedAt).HasColumnName("convened_at");
        builder.Property(a => a.OpenedAt).HasColumnName("opened_at");
        builder.Property(a => a.ClosedAt).HasColumnName("closed_at");
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.Property(a => a.UpdatedAt).HasColumnName("updated_at");
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.FiscalYear);
    }
}
