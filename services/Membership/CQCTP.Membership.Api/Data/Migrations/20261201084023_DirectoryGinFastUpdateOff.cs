using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CQCTP.Membership.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryGinFastUpdateOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_services_directory_languages",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_directory_regions",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_directory_search_vector",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_languages",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_region_codes",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_search_vector",
                table: "services");

            migrationBuilder.CreateIndex(
                name: "IX_services_directory_languages",
                table: "services",
                column: "languages",
                filter: "is_public AND organization_active")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "IX_services_directory_regions",
                table: "services",
                column: "region_codes",
                filter: "is_public AND organization_active")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "IX_services_directory_search_vector",
                table: "services",
                column: "search_vector",
                filter: "is_public AND organization_active")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "IX_services_languages",
                table: "services",
                column: "languages")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "IX_services_region_codes",
                table: "services",
                column: "region_codes")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "IX_services_search_vector",
                table: "services",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_services_directory_languages",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_directory_regions",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_directory_search_vector",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_languages",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_region_codes",
                table: "services");

            migrationBuilder.DropIndex(
                name: "IX_services_search_vector",
                table: "services");

            migrationBuilder.CreateIndex(
                name: "IX_services_directory_languages",
                table: "services",
                column: "languages",
                filter: "is_public AND organization_active")
                .Annotation("Npgsql:IndexMethod", "GIN");

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

            migrationBuilder.CreateIndex(
                name: "IX_services_languages",
                table: "services",
                column: "languages")
                .Annotation("Npgsql:IndexMethod", "GIN");

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
        }
    }
}
