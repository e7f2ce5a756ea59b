using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CQCTP.Membership.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganizationProfileAndLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_organizations_status",
                table: "organizations",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_organization_id",
                table: "membership_applications",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_membership_applications_status_submitted_at",
                table: "membership_applications",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_membership_status_changes_organization_id_changed_at",
                table: "membership_status_changes",
                columns: new[] { "organization_id", "changed_at" });

            Sql.LegalNameSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Sql.LegalNameSql.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "membership_applications");

            migrationBuilder.DropTable(
                name: "membership_status_changes");

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
        }
    }
}
