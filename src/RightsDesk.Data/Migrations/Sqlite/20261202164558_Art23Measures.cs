using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Art23Measures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotifierIndex",
                table: "illegal_content_notices",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "misuse_measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PartyIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Misused = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    WarningId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConfirmedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedParty = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedReasons = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedCloseReasons = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_misuse_measures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_illegal_content_notices_NotifierIndex",
                table: "illegal_content_notices",
                column: "NotifierIndex");

            migrationBuilder.CreateIndex(
                name: "IX_misuse_measures_Party_PartyIndex",
                table: "misuse_measures",
                columns: new[] { "Party", "PartyIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_misuse_measures_State",
                table: "misuse_measures",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "misuse_measures");

            migrationBuilder.DropIndex(
                name: "IX_illegal_content_notices_NotifierIndex",
                table: "illegal_content_notices");

            migrationBuilder.DropColumn(
                name: "NotifierIndex",
                table: "illegal_content_notices");
        }
    }
}
