using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ingest2ExportIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_moderation_decisions_ApplicationDate",
                table: "moderation_decisions");

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_ApplicationDate_Id",
                table: "moderation_decisions",
                columns: new[] { "ApplicationDate", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_moderation_decisions_ApplicationDate_Id",
                table: "moderation_decisions");

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_ApplicationDate",
                table: "moderation_decisions",
                column: "ApplicationDate");
        }
    }
}
