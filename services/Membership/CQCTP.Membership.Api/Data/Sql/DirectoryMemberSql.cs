using Microsoft.EntityFrameworkCore.Migrations;

namespace CQCTP.Membership.Api.Data.Sql;

/// <summary>
/// Keeps <c>services.organization_active</c> and <c>services.organization_legal_name</c> (the directory's filter and
/// order) equal to their organization's status and legal name, as <see cref="DirectorySearchSql"/> keeps its names:
/// set when a service is inserted or moved, rewritten when its organization's status or legal name changes. Call
/// <see cref="Up"/> after the columns exist, <see cref="Down"/> before they are dropped.
/// </summary>
public static class DirectoryMemberSql
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE OR REPLACE FUNCTION services_set_organization_names() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                SELECT o.legal_name || ' ' || coalesce(o.common_name, ''), o.status = 'Active', o.legal_name
                INTO NEW.organization_names, NEW.organization_active, NEW.organization_legal_name
                FROM organizations o WHERE o.id = NEW.organization_id;
                RETURN NEW;
            END $$;
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION organizations_update_services_membership() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE services SET organization_active = NEW.status = 'Active', organization_legal_name = NEW.legal_name
                WHERE organization_id = NEW.id;
                RETURN NULL;
            END $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER organizations_update_services_membership AFTER UPDATE OF status, legal_name ON organizations
            FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.legal_name IS DISTINCT FROM NEW.legal_name)
            EXECUTE FUNCTION organizations_update_services_membership();
            """);
        migrationBuilder.Sql("""
            UPDATE services s SET organization_active = o.status = 'Active', organization_legal_name = o.legal_name
            FROM organizations o WHERE o.id = s.organization_id;
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS organizations_update_services_membership ON organizations;");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS organizations_update_services_membership();");
        migrationBuilder.Sql("""
            CREATE OR REPLACE FUNCTION services_set_organization_names() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                SELECT o.legal_name || ' ' || coalesce(o.common_name, '') INTO NEW.organization_names
                FROM organizations o WHERE o.id = NEW.organization_id;
                RETURN NEW;
            END $$;
            """);
    }
}
