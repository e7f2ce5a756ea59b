using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CQCTP.Membership.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class DirectorySearchOrganizationNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A generated column's expression cannot be altered in place (EF's AlterColumn): the SQL class replaces it.
            Sql.DirectorySearchSql.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Sql.DirectorySearchSql.Down(migrationBuilder);
        }
    }
}
