using System;
using CQCTP.Membership.Api.Data.Sql;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CQCTP.Membership.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddServiceDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DirectorySql.BeforeTables(migrationBuilder);

            migrationBuilder.CreateTable(
                name: "privacy_officer",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title_fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_officer", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "published_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    normalized_value = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    label_fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    label_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    label_fr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "fr-CA-x-icu"),
                    label_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_categories", x => x.id);
                    table.UniqueConstraint("AK_service_categories_code", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name_fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-CA-x-icu"),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    eligibility_fr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    eligibility_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    region_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    addresses_sexual_exploitation = table.Column<bool>(type: "boolean", nullable: false),
                    addresses_forced_labour = table.Column<bool>(type: "boolean", nullable: false),
                    is_public = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('fr_unaccent', coalesce(name_fr, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(eligibility_fr, '') || ' ' || coalesce(eligibility_en, ''))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.id);
                    table.ForeignKey(
                        name: "FK_services_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_services_service_categories_category_code",
                        column: x => x.category_code,
                        principalTable: "service_categories",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_published_contacts_normalized_value",
                table: "published_contacts",
                column: "normalized_value",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_services_category_code",
                table: "services",
                column: "category_code");

            migrationBuilder.CreateIndex(
                name: "IX_services_organization_id_is_public",
                table: "services",
                columns: new[] { "organization_id", "is_public" });

            migrationBuilder.CreateIndex(
                name: "IX_services_region_codes",
                table: "services",
                column: "region_codes")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_services_search_vector",
                table: "services",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            DirectorySql.AfterTables(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "privacy_officer");

            migrationBuilder.DropTable(
                name: "published_contacts");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "service_categories");

            DirectorySql.Down(migrationBuilder);
        }
    }
}
