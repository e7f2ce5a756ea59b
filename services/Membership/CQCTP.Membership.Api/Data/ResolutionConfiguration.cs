using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> builder)
    {
        builder.ToTable("resolutions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.AssemblyId).HasColumnName("assembly_id");
        builder.HasOne<GeneralAssembly>().WithMany().HasForeignKey(r => r.AssemblyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Number).HasColumnName("number");
        builder.HasIndex(r => new { r.AssemblyId, r.Number }).IsUnique();
        builder.OwnsOne(r => r.Text, text =>
        {
            text.Property(t => t.Fr).HasColumnName("text_fr").HasMaxLength(5000);
            text.Property(t => t.En).HasColumnName("text_en").HasMaxLength(5000);
        });
        builder.Navigation(r => r.Text).IsRequired();
        builder.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DecidedAt).HasColumnName("decided_at");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.For);
        builder.Ignore(r => r.Against);
        builder.Ignore(r => r.Abstain);
        builder.HasMany(r => r.Votes).WithOne().HasForeignKey(v => v.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Votes).HasField("votes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
