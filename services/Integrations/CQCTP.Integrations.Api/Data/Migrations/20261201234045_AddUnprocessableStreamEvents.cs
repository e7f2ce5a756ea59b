using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CQCTP.Integrations.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddUnprocessableStreamEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unprocessable_stream_events",
                columns: table => new
                {
                    stream = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    offset = table.Column<long>(type: "bigint", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    event_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unprocessable_stream_events", x => new { x.stream, x.offset });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unprocessable_stream_events");
        }
    }
}
