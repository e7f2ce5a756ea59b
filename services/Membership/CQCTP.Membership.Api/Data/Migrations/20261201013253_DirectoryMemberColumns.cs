using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CQCTP.Membership.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryMemberColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "organization_active",
                table: "services",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "organization_legal_name",
                table: "services",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "fr-CA-x-icu");

            Sql.DirectoryMemberSql.Up(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_services_directory_languages",
                table: "services",
                column: "languages",
                filter: "is_public AND organization_active")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_services_directory_order",
                table: "services",
                column: "organization_legal_name",
                filter: "is_public AND organization_active");

            migrationBuilder.CreateIndex(
                name: "IX_services_directory_regions",
                table: "services",
                column: "region_codes",
                filter: "is_public AND organization_active")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_services_directory_search_vector",
                table: "services",
                column: "search_vector",
                filter: "is_public AND organization_active")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Sql.DirectoryMemberSql.Down(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_services_directory_languages",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_directory_order",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_directory_regions",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_directory_search_vector",
                table: "services");

            migrationBuilder.DropColumn(
                name: "organization_active",
                table: "services");

            migrationBuilder.DropColumn(
                name: "organization_legal_name",
                table: "services");
        }
    }
}
