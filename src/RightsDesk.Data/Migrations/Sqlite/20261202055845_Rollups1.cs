using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rollups1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "moderation_rollups",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecisionGround = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AutomatedDecision = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rung = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_rollups", x => new { x.Day, x.Category, x.DecisionGround, x.SourceType, x.AutomatedDecision, x.Rung, x.State });
                });

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_ReceivedAt",
                table: "moderation_decisions",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "moderation_rollups");

            migrationBuilder.DropIndex(
                name: "IX_moderation_decisions_ReceivedAt",
                table: "moderation_decisions");
        }
    }
}
