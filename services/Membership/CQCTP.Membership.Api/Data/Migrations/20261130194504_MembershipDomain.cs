using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CQCTP.Membership.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class MembershipDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The text-search configuration the services' generated column names must exist first.
            Sql.DirectorySql.BeforeTables(migrationBuilder);

            migrationBuilder.AlterColumn<string>(
                name: "normalized_legal_name",
                table: "organizations",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<string>(
                name: "address_city",
                table: "organizations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "address_is_public",
                table: "organizations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "address_postal_code",
                table: "organizations",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_region_code",
                table: "organizations",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_street",
                table: "organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "focus_areas",
                table: "organizations",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "languages_served",
                table: "organizations",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "membership_type",
                table: "organizations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "public_phone",
                table: "organizations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "regions_served",
                table: "organizations",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<DateOnly>(
                name: "status_effective_date",
                table: "organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "type",
                table: "organizations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "committees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name_fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-CA-x-icu"),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_committees", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delegates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "fr-CA-x-icu"),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    preferred_language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    roles = table.Column<string[]>(type: "text[]", nullable: false),
                    newsletter_consent = table.Column<bool>(type: "boolean", nullable: false),
                    listed_in_directory = table.Column<bool>(type: "boolean", nullable: false),
                    directory_shows_email = table.Column<bool>(type: "boolean", nullable: false),
                    directory_shows_phone = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegates", x => x.id);
                    table.ForeignKey(
                        name: "FK_delegates_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "general_assemblies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title_fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    convocation_fr = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    convocation_en = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    quorum_percent = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    convened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_general_assemblies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "membership_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_membership_applications", x => x.id);
                    table.ForeignKey(
                        name: "FK_membership_applications_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "membership_dues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fiscal_year = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_membership_dues", x => x.id);
                    table.ForeignKey(
                        name: "FK_membership_dues_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "membership_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    old_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    new_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    effective_date = table.Column<DateOnly>(type: "date", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_membership_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "FK_membership_status_changes_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "committee_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    delegate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_committee_members", x => x.id);
                    table.ForeignKey(
                        name: "FK_committee_members_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_committee_members_delegates_delegate_id",
                        column: x => x.delegate_id,
                        principalTable: "delegates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delegate_consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    delegate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text_version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    show_email = table.Column<bool>(type: "boolean", nullable: false),
                    show_phone = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegate_consents", x => x.id);
                    table.ForeignKey(
                        name: "FK_delegate_consents_delegates_delegate_id",
                        column: x => x.delegate_id,
                        principalTable: "delegates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assembly_attendance",
                columns: table => new
                {
                    assembly_id = table.Column<Guid>(type: "uuid", nullable: false),
                    delegate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assembly_attendance", x => new { x.assembly_id, x.delegate_id });
                    table.ForeignKey(
                        name: "FK_assembly_attendance_delegates_delegate_id",
                        column: x => x.delegate_id,
                        principalTable: "delegates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assembly_attendance_general_assemblies_assembly_id",
                        column: x => x.assembly_id,
                        principalTable: "general_assemblies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assembly_attendance_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "resolutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assembly_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text_fr = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    text_en = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resolutions", x => x.id);
                    table.ForeignKey(
                        name: "FK_resolutions_general_assemblies_assembly_id",
                        column: x => x.assembly_id,
                        principalTable: "general_assemblies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "votes",
                columns: table => new
                {
                    resolution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    delegate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    choice = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    cast_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_votes", x => new { x.resolution_id, x.organization_id });
                    table.ForeignKey(
                        name: "FK_votes_delegates_delegate_id",
                        column: x => x.delegate_id,
                        principalTable: "delegates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_votes_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_votes_resolutions_resolution_id",
                        column: x => x.resolution_id,
                        principalTable: "resolutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organizations_status",
                table: "organizations",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_assembly_attendance_delegate_id",
                table: "assembly_attendance",
                column: "delegate_id");

            migrationBuilder.CreateIndex(
                name: "IX_assembly_attendance_organization_id",
                table: "assembly_attendance",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_committee_members_committee_id_delegate_id",
                table: "committee_members",
                columns: new[] { "committee_id", "delegate_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_committee_members_delegate_id",
                table: "committee_members",
                column: "delegate_id");

            migrationBuilder.CreateIndex(
                name: "IX_delegate_consents_delegate_id_recorded_at",
                table: "delegate_consents",
                columns: new[] { "delegate_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "IX_delegates_listed_in_directory",
                table: "delegates",
                column: "listed_in_directory",
                filter: "listed_in_directory");

            migrationBuilder.CreateIndex(
                name: "IX_delegates_organization_id_normalized_email",
                table: "delegates",
                columns: new[] { "organization_id", "normalized_email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_organization_id",
                table: "membership_applications",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_status_submitted_at",
                table: "membership_applications",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_dues_organization_id_fiscal_year",
                table: "membership_dues",
                columns: new[] { "organization_id", "fiscal_year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_membership_status_changes_organization_id_changed_at",
                table: "membership_status_changes",
                columns: new[] { "organization_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_published_contacts_normalized_value",
                table: "published_contacts",
                column: "normalized_value",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resolutions_assembly_id_number",
                table: "resolutions",
                columns: new[] { "assembly_id", "number" },
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

            migrationBuilder.CreateIndex(
                name: "IX_votes_delegate_id",
                table: "votes",
                column: "delegate_id");

            migrationBuilder.CreateIndex(
                name: "IX_votes_organization_id",
                table: "votes",
                column: "organization_id");

            Sql.DirectorySql.AfterTables(migrationBuilder);

            // Last: recomputes every legal-name key with the stricter rule, reporting collisions instead of failing.
            Sql.LegalNameSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Sql.LegalNameSql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "assembly_attendance");

            migrationBuilder.DropTable(
                name: "committee_members");

            migrationBuilder.DropTable(
                name: "delegate_consents");

            migrationBuilder.DropTable(
                name: "membership_applications");

            migrationBuilder.DropTable(
                name: "membership_dues");

            migrationBuilder.DropTable(
                name: "membership_status_changes");

            migrationBuilder.DropTable(
                name: "privacy_officer");

            migrationBuilder.DropTable(
                name: "published_contacts");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "votes");

            migrationBuilder.DropTable(
                name: "committees");

            migrationBuilder.DropTable(
                name: "service_categories");

            migrationBuilder.DropTable(
                name: "delegates");

            migrationBuilder.DropTable(
                name: "resolutions");

            migrationBuilder.DropTable(
                name: "general_assemblies");

            migrationBuilder.DropIndex(
                name: "IX_organizations_status",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "address_city",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "address_is_public",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "address_postal_code",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "address_region_code",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "address_street",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "focus_areas",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "languages_served",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "membership_type",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "public_phone",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "regions_served",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "status_effective_date",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "type",
                table: "organizations");

            migrationBuilder.AlterColumn<string>(
                name: "normalized_legal_name",
                table: "organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            Sql.DirectorySql.Down(migrationBuilder);
        }
    }
}
