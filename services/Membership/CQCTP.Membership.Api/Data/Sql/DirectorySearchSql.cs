using Microsoft.EntityFrameworkCore.Migrations;

namespace CQCTP.Membership.Api.Data.Sql;

/// <summary>
/// The organization's names inside each service's search vector, so one GIN index answers the directory's text
/// search (an <c>OR</c> with a subquery on the organizations kept PostgreSQL from using it). A generated column cannot
/// read another table, so <c>services.organization_names</c> is kept by triggers: set when a service is inserted,
/// rewritten when its organization's names change. The application never writes it; EF does not map it.
/// </summary>
public static class DirectorySearchSql
{
    public const string SearchVectorSql =
        "to_tsvector('fr_unaccent', coalesce(name_fr, '') || ' ' || coalesce(name_en, '') || ' ' || "
        + "coalesce(eligibility_fr, '') || ' ' || coalesce(eligibility_en, '') || ' ' || coalesce(organization_names, ''))";

    private const string PreviousSearchVectorSql =
        "to_tsvector('fr_unaccent', coalesce(name_fr, '') || ' ' || coalesce(name_en, '') || ' ' || "
        + "coalesce(eligibility_fr, '') || ' ' || coalesce(eligibility_en, ''))";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("ALTER TABLE services ADD COLUMN organization_names character varying(401);");
        migrationBuilder.Sql("""
            CREATE FUNCTION services_set_organization_names() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                SELECT o.legal_name || ' ' || coalesce(o.common_name, '') INTO NEW.organization_names
                FROM organizations o WHERE o.id = NEW.organization_id;
                RETURN NEW;
            END $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER services_organization_names BEFORE INSERT OR UPDATE OF organization_id ON services
            FOR EACH ROW EXECUTE FUNCTION services_set_organization_names();
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION organizations_rename_services() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE services SET organization_names = NEW.legal_name || ' ' || coalesce(NEW.common_name, '')
                WHERE organization_id = NEW.id;
                RETURN NULL;
            END $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER organizations_rename_services AFTER UPDATE OF legal_name, common_name ON organizations
            FOR EACH ROW WHEN (OLD.legal_name IS DISTINCT FROM NEW.legal_name OR OLD.common_name IS DISTINCT FROM NEW.common_name)
            EXECUTE FUNCTION organizations_rename_services();
            """);
        migrationBuilder.Sql("""
            UPDATE services s SET organization_names = o.legal_name || ' ' || coalesce(o.common_name, '')
            FROM organizations o WHERE o.id = s.organization_id;
            """);
        ReplaceSearchVector(migrationBuilder, SearchVectorSql);
        migrationBuilder.Sql("DROP INDEX IF EXISTS ix_organizations_name_search;");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(
            $"CREATE INDEX ix_organizations_name_search ON organizations USING GIN (({DirectorySql.OrganizationNameVector}));");
        ReplaceSearchVector(migrationBuilder, PreviousSearchVectorSql);
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS organizations_rename_services ON organizations;");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS organizations_rename_services();");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS services_organization_names ON services;");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS services_set_organization_names();");
        migrationBuilder.Sql("ALTER TABLE services DROP COLUMN organization_names;");
    }

    // A generated column's expression cannot be altered: drop it (and its index) and add it again.
    private static void ReplaceSearchVector(MigrationBuilder migrationBuilder, string expression)
    {
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_services_search_vector";""");
        migrationBuilder.Sql("ALTER TABLE services DROP COLUMN search_vector;");
        migrationBuilder.Sql($"ALTER TABLE services ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({expression}) STORED;");
        migrationBuilder.Sql("""CREATE INDEX "IX_services_search_vector" ON services USING GIN (search_vector);""");
    }
}
