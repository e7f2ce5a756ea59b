using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CQCTP.Identity.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class IntegratorBrokerPasswords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "broker_password_hash",
                table: "client_secrets",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "broker_password_hash",
                table: "client_secrets");
        }
    }
}
