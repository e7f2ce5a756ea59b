using Microsoft.EntityFrameworkCore.Migrations;

namespace CQCTP.Membership.Api.Data.Sql;

/// <summary>
/// The stricter duplicate rule (case, accents, punctuation and spacing ignored: <c>Organization.Normalize</c>) applied
/// to rows stored under the old one (case and spacing only). Rows that now collide are reported, never a failed
/// migration: the oldest keeps the key; each other keeps its name and data, gets the key plus <c>" #" + id</c> (which
/// no name can normalize to) and a row in <c>legal_name_collisions</c>, logged as a warning at every start-up
/// (<c>LegalNameCollisionReport</c>) until staff rename or merge it and delete the row.
/// </summary>
public static class LegalNameSql
{
    /// <summary>PostgreSQL's equivalent of <c>Organization.Normalize</c> (unaccent also unfolds œ, æ, ß…).</summary>
    private const string Normalized =
        "btrim(regexp_replace(lower(unaccent(legal_name)), '[^[:alnum:]]+', ' ', 'g'))";

    public static readonly string[] UpStatements =
    [
        "CREATE EXTENSION IF NOT EXISTS unaccent;",
        """
        CREATE TABLE IF NOT EXISTS legal_name_collisions (
            organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
            legal_name text NOT NULL,
            normalized_legal_name text NOT NULL,
            kept_organization_id uuid NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now());
        """,
        // The unique index comes back once every key is distinct again.
        """DROP INDEX IF EXISTS "IX_organizations_normalized_legal_name";""",
        $"UPDATE organizations SET normalized_legal_name = {Normalized};",
        """
        INSERT INTO legal_name_collisions (organization_id, legal_name, normalized_legal_name, kept_organization_id)
        SELECT id, legal_name, normalized_legal_name, kept FROM (
            SELECT id, legal_name, normalized_legal_name,
                   first_value(id) OVER (PARTITION BY normalized_legal_name ORDER BY created_at, id) AS kept,
                   row_number() OVER (PARTITION BY normalized_legal_name ORDER BY created_at, id) AS rank
            FROM organizations) ranked
        WHERE rank > 1
        ON CONFLICT (organization_id) DO NOTHING;
        """,
        """
        UPDATE organizations o SET normalized_legal_name = o.normalized_legal_name || ' #' || o.id
        FROM legal_name_collisions c WHERE c.organization_id = o.id;
        """,
        """CREATE UNIQUE INDEX "IX_organizations_normalized_legal_name" ON organizations (normalized_legal_name);""",
    ];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in UpStatements)
        {
            migrationBuilder.Sql(statement);
        }
    }

    /// <summary>Keys stay as they are (the old rule's duplicates are still distinct); only the report goes.</summary>
    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE IF EXISTS legal_name_collisions;");
    }
}
