using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CQCTP.Membership.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddDelegatesConsentsCommittees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "committee_members");

            migrationBuilder.DropTable(
                name: "delegate_consents");

            migrationBuilder.DropTable(
                name: "committees");

            migrationBuilder.DropTable(
                name: "delegates");
        }
    }
}
