using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Moderation1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "moderation_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Puid = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BodySha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DecisionGround = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AutomatedDecision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rung = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DefaultRung = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReachesEea = table.Column<bool>(type: "INTEGER", nullable: false),
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserLanguage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AccountIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedDecision = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedReviewReason = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_decisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_AccountIndex",
                table: "moderation_decisions",
                column: "AccountIndex");

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_ApplicationDate",
                table: "moderation_decisions",
                column: "ApplicationDate");

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_Puid",
                table: "moderation_decisions",
                column: "Puid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_State_ReceivedAt",
                table: "moderation_decisions",
                columns: new[] { "State", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "moderation_decisions");
        }
    }
}
