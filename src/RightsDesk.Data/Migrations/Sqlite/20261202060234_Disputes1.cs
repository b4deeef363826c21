using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Disputes1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppealId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BodyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyMemberState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutcomeRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OutcomeRecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RestrictionLifted = table.Column<bool>(type: "INTEGER", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedReasons = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_DecisionId",
                table: "disputes",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_ReferredOn",
                table: "disputes",
                column: "ReferredOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disputes");
        }
    }
}
