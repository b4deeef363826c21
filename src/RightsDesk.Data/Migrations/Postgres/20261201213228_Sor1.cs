using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sor1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "moderation_statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppealBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Government = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    GagUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    AppealLookupKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AppealSalt = table.Column<byte[]>(type: "bytea", nullable: false),
                    AppealHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedSubject = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedBody = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_statements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_moderation_statements_AppealLookupKey",
                table: "moderation_statements",
                column: "AppealLookupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_moderation_statements_DecisionId_Version",
                table: "moderation_statements",
                columns: new[] { "DecisionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_moderation_statements_GagUntil",
                table: "moderation_statements",
                column: "GagUntil");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "moderation_statements");
        }
    }
}
