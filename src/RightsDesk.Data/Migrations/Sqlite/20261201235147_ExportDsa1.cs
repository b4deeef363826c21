using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
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
                    Puid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Endpoint = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Errors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Uuid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FirstSentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
