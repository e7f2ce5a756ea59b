using Microsoft.EntityFrameworkCore.Migrations;

namespace CQCTP.Membership.Api.Data.Sql;

/// <summary>
/// Hand-written SQL of the service directory, kept out of the generated migration so a regenerated migration only
/// has to call it again: <see cref="BeforeTables"/> first in <c>Up</c>, <see cref="AfterTables"/> last, and
/// <see cref="Down"/> last in <c>Down</c>.
/// </summary>
public static class DirectorySql
{
    /// <summary>The text-search configuration the directory searches with.</summary>
    public const string SearchConfiguration = "fr_unaccent";

    /// <summary>The expression of the organizations' name index the first directory migration built (dropped since: DirectorySearchSql).</summary>
    public const string OrganizationNameVector =
        "to_tsvector('fr_unaccent'::regconfig, legal_name || ' ' || coalesce(common_name, ''))";

    // The managed list the issue names, with stable codes; staff may rename them or add more.
    private static readonly (string Id, string Code, string Fr, string En)[] Categories =
    [
        ("019ac5a0-0000-7000-8000-00000000c001", "shelter", "Hébergement", "Shelter"),
        ("019ac5a0-0000-7000-8000-00000000c002", "legal-support", "Soutien juridique", "Legal support"),
        ("019ac5a0-0000-7000-8000-00000000c003", "psychosocial-support", "Soutien psychosocial", "Psychosocial support"),
        ("019ac5a0-0000-7000-8000-00000000c004", "health", "Santé", "Health"),
        ("019ac5a0-0000-7000-8000-00000000c005", "immigration", "Immigration", "Immigration"),
        ("019ac5a0-0000-7000-8000-00000000c006", "employment", "Emploi", "Employment"),
        ("019ac5a0-0000-7000-8000-00000000c007", "housing", "Logement", "Housing"),
        ("019ac5a0-0000-7000-8000-00000000c008", "material-aid", "Aide matérielle", "Material aid"),
        ("019ac5a0-0000-7000-8000-00000000c009", "prevention-awareness", "Prévention et sensibilisation", "Prevention and awareness"),
        ("019ac5a0-0000-7000-8000-00000000c010", "training", "Formation", "Training"),
    ];

    /// <summary>
    /// French stemming over unaccented words, so "hebergement" finds "hébergement". <c>unaccent()</c> is not immutable
    /// and cannot sit in a generated column; a configuration that uses it as a dictionary can (to_tsvector with a
    /// configuration is immutable). Must run before the services table, whose generated column names it.
    /// </summary>
    public static void BeforeTables(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
        migrationBuilder.Sql($"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{SearchConfiguration}') THEN
                CREATE TEXT SEARCH CONFIGURATION {SearchConfiguration} (COPY = french);
                ALTER TEXT SEARCH CONFIGURATION {SearchConfiguration}
                  ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart
                  WITH unaccent, french_stem;
              END IF;
            END $$;
            """);
    }

    /// <summary>The seeded categories and the index that lets the directory match organization names.</summary>
    public static void AfterTables(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(
            $"CREATE INDEX ix_organizations_name_search ON organizations USING GIN (({OrganizationNameVector}));");
        foreach (var (id, code, fr, en) in Categories)
        {
            migrationBuilder.Sql($"""
                INSERT INTO service_categories (id, code, label_fr, label_en, created_at, updated_at)
                VALUES ('{id}', '{code}', '{fr.Replace("'", "''", StringComparison.Ordinal)}', '{en}', now(), now())
                ON CONFLICT DO NOTHING;
                """);
        }
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP INDEX IF EXISTS ix_organizations_name_search;");
        migrationBuilder.Sql($"DROP TEXT SEARCH CONFIGURATION IF EXISTS {SearchConfiguration};");
    }
}
