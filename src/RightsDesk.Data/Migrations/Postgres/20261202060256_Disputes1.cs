using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AppealId = table.Column<Guid>(type: "uuid", nullable: true),
                    Side = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BodyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyMemberState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OutcomeRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OutcomeRecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RestrictionLifted = table.Column<bool>(type: "boolean", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedReasons = table.Column<byte[]>(type: "bytea", nullable: true)
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
