using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Transparency1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "transparency_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Threshold = table.Column<int>(type: "integer", nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ParametersSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TreeSize = table.Column<long>(type: "bigint", nullable: false),
                    TreeRoot = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TreeTimestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TreeSignature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TreeKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordsRoot = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordCount = table.Column<int>(type: "integer", nullable: false),
                    FiguresJson = table.Column<string>(type: "text", nullable: false),
                    FiguresSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transparency_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_transparency_reports_Period_Version",
                table: "transparency_reports",
                columns: new[] { "Period", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transparency_reports");
        }
    }
}
