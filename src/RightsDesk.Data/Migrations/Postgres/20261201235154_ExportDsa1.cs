using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExportDsa1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dsa_submissions",
                columns: table => new
                {
                    Puid = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Endpoint = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastStatus = table.Column<int>(type: "integer", nullable: true),
                    Errors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Uuid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FirstSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dsa_submissions", x => new { x.Endpoint, x.Puid });
                });

            migrationBuilder.CreateIndex(
                name: "IX_dsa_submissions_Endpoint_State",
                table: "dsa_submissions",
                columns: new[] { "Endpoint", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dsa_submissions");
        }
    }
}
