using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
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
                    DemandId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Fact = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
                SELECT CAST(date_trunc('month', "Day") AS date), "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State", SUM("Count") FROM moderation_rollups
                WHERE EXTRACT(DAY FROM "Day") <> 1 GROUP BY CAST(date_trunc('month', "Day") AS date), "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State"
                ON CONFLICT ("Day", "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State") DO UPDATE SET "Count" = moderation_rollups."Count" + excluded."Count";
                DELETE FROM moderation_rollups WHERE EXTRACT(DAY FROM "Day") <> 1;
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
