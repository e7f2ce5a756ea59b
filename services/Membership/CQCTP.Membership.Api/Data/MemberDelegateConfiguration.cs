using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class MemberDelegateConfiguration : IEntityTypeConfiguration<MemberDelegate>
{
    public void Configure(EntityTypeBuilder<MemberDelegate> builder)
    {
        builder.ToTable("delegates");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.OrganizationId).HasColumnName("organization_id");
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.FullName).HasColumnName("full_name").HasMaxLength(200).UseCollation("fr-CA-x-icu");
        builder.Property(d => d.Title).HasColumnName("title").HasMaxLength(200);
        builder.Property(d => d.Email).HasColumnName("email").HasMaxLength(254);
        builder.Property(d => d.NormalizedEmail).HasColumnName("normalized_email").HasMaxLength(254);
        // Erased (removed) delegates have no address, and PostgreSQL lets any number of nulls share a unique index.
        builder.HasIndex(d => new { d.OrganizationId, d.NormalizedEmail }).IsUnique();
        builder.Property(d => d.Phone).HasColumnName("phone").HasMaxLength(30);
        builder.Property(d => d.PreferredLanguage).HasColumnName("preferred_language").HasConversion<string>().HasMaxLength(2);
        builder.PrimitiveCollection(d => d.Roles).HasColumnName("roles").ElementType(e => e.HasConversion<string>());
        builder.Property(d => d.NewsletterConsent).HasColumnName("newsletter_consent");
        builder.Property(d => d.ListedInDirectory).HasColumnName("listed_in_directory");
        builder.Property(d => d.DirectoryShowsEmail).HasColumnName("directory_shows_email");
        builder.Property(d => d.DirectoryShowsPhone).HasColumnName("directory_shows_phone");
        builder.HasIndex(d => d.ListedInDirectory).HasFilter("listed_in_directory");
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        builder.Property(d => d.UpdatedAt).HasColumnName("updated_at");
        builder.Property(d => d.RemovedAt).HasColumnName("removed_at");
        builder.Property(d => d.Version).IsRowVersion();
        builder.HasMany(d => d.Consents).WithOne().HasForeignKey(c => c.DelegateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Consents).HasField("consents").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
