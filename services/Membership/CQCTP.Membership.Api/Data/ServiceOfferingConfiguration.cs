using CQCTP.Membership.Api.Data.Sql;
using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CQCTP.Membership.Api.Data;

internal sealed class ServiceOfferingConfiguration : IEntityTypeConfiguration<ServiceOffering>
{
    /// <summary>The shadow column the directory's full-text search reads (the domain knows nothing of it).</summary>
    public const string SearchVector = "SearchVector";

    /// <summary>
    /// Copies of the organization's "is an active member" and legal name on each service, kept by triggers
    /// (Sql/DirectoryMemberSql.cs), so the directory filters, counts and orders services without joining every
    /// organization; the application never writes them.
    /// </summary>
    public const string OrganizationActive = "OrganizationActive";

    public const string OrganizationLegalName = "OrganizationLegalName";

    /// <summary>The rows the directory can show; its partial indexes cover only these.</summary>
    public const string DirectoryRowsFilter = "is_public AND organization_active";

    /// <summary>
    /// Off on every GIN index of the services: each insert or update goes into the index at once, instead of a pending
    /// list that every search scans row by row until a vacuum merges it (four times the directory's reads after a bulk
    /// load, docs/benchmarks.md). Services change rarely; the directory searches them all the time.
    /// </summary>
    private const string GinFastUpdate = "fastupdate";

    public void Configure(EntityTypeBuilder<ServiceOffering> builder)
    {
        builder.ToTable("services");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.OrganizationId).HasColumnName("organization_id");
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.CategoryCode).HasColumnName("category_code").HasMaxLength(40);
        builder.HasOne<ServiceCategory>().WithMany().HasForeignKey(s => s.CategoryCode).HasPrincipalKey(c => c.Code)
            .OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(s => s.Name, name =>
        {
            name.Property(n => n.Fr).HasColumnName("name_fr").HasMaxLength(200).UseCollation("fr-CA-x-icu");
            name.Property(n => n.En).HasColumnName("name_en").HasMaxLength(200);
        });
        builder.Navigation(s => s.Name).IsRequired();
        builder.OwnsOne(s => s.Eligibility, eligibility =>
        {
            eligibility.Property(e => e.Fr).HasColumnName("eligibility_fr").HasMaxLength(2000);
            eligibility.Property(e => e.En).HasColumnName("eligibility_en").HasMaxLength(2000);
        });
        builder.Property(s => s.RegionCodes).HasColumnName("region_codes");
        builder.Property(s => s.Languages).HasColumnName("languages");
        builder.Property(s => s.AddressesSexualExploitation).HasColumnName("addresses_sexual_exploitation");
        builder.Property(s => s.AddressesForcedLabour).HasColumnName("addresses_forced_labour");
        builder.Ignore(s => s.Focus);
        builder.Property(s => s.IsPublic).HasColumnName("is_public");
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        builder.Property(s => s.Version).IsRowVersion();

        // unaccent() is not immutable, so it cannot sit in a generated column; the fr_unaccent text-search
        // configuration (Sql/DirectorySql.cs) applies it inside to_tsvector, which is. The organization's names are
        // in it too, from a column triggers keep (Sql/DirectorySearchSql.cs).
        builder.Property<NpgsqlTsVector>(SearchVector).HasColumnName("search_vector")
            .HasComputedColumnSql(DirectorySearchSql.SearchVectorSql, stored: true);
        builder.HasIndex(SearchVector).HasMethod("GIN").HasStorageParameter(GinFastUpdate, false);
        builder.HasIndex(s => s.RegionCodes).HasMethod("GIN").HasStorageParameter(GinFastUpdate, false);
        builder.HasIndex(s => s.Languages).HasMethod("GIN").HasStorageParameter(GinFastUpdate, false);
        builder.HasIndex(s => new { s.OrganizationId, s.IsPublic });

        builder.Property<bool>(OrganizationActive).HasColumnName("organization_active").HasDefaultValue(false)
            .ValueGeneratedOnAddOrUpdate().Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property<bool>(OrganizationActive).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property<string?>(OrganizationLegalName).HasColumnName("organization_legal_name").HasMaxLength(200)
            .UseCollation("fr-CA-x-icu").ValueGeneratedOnAddOrUpdate().Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property<string?>(OrganizationLegalName).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.HasIndex([SearchVector], "IX_services_directory_search_vector").HasMethod("GIN").HasFilter(DirectoryRowsFilter)
            .HasStorageParameter(GinFastUpdate, false);
        builder.HasIndex([nameof(ServiceOffering.RegionCodes)], "IX_services_directory_regions").HasMethod("GIN")
            .HasFilter(DirectoryRowsFilter).HasStorageParameter(GinFastUpdate, false);
        builder.HasIndex([nameof(ServiceOffering.Languages)], "IX_services_directory_languages").HasMethod("GIN")
            .HasFilter(DirectoryRowsFilter).HasStorageParameter(GinFastUpdate, false);
        // The order of a search without text, so a page can be read in index order.
        builder.HasIndex([OrganizationLegalName], "IX_services_directory_order")
            .HasFilter(DirectoryRowsFilter);
    }
}
