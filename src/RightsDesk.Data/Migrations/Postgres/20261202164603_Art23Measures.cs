using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "misuse_measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Party = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PartyIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Misused = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    WindowDays = table.Column<int>(type: "integer", nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    WarningId = table.Column<Guid>(type: "uuid", nullable: true),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConfirmedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedParty = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedReasons = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedCloseReasons = table.Column<byte[]>(type: "bytea", nullable: true)
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
