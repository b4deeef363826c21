using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DrollupsDemandRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demand_rollups",
                columns: table => new
                {
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Fact = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demand_rollups", x => x.DemandId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_demand_rollups_ReceivedAt",
                table: "demand_rollups",
                column: "ReceivedAt");

            // The moderation rollup's rows move from a day's grain to a month's (its first day): summed into the
            // month, then the day rows dropped.
            migrationBuilder.Sql("""
                INSERT INTO moderation_rollups ("Day", "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State", "Count")
                SELECT substr("Day", 1, 8) || '01', "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State", SUM("Count") FROM moderation_rollups
                WHERE substr("Day", 9, 2) <> '01' GROUP BY substr("Day", 1, 8), "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State"
                ON CONFLICT ("Day", "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State") DO UPDATE SET "Count" = moderation_rollups."Count" + excluded."Count";
                DELETE FROM moderation_rollups WHERE substr("Day", 9, 2) <> '01';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demand_rollups");
        }
    }
}
