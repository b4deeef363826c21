using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Complaints1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "illegal_content_notice_complaint_codes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LookupKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_illegal_content_notice_complaint_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "illegal_content_notice_complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Against = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SealedText = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedReasons = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_illegal_content_notice_complaints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_illegal_content_notice_complaint_codes_LookupKey",
                table: "illegal_content_notice_complaint_codes",
                column: "LookupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_illegal_content_notice_complaint_codes_NoticeId",
                table: "illegal_content_notice_complaint_codes",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_illegal_content_notice_complaints_NoticeId_SubmittedAt",
                table: "illegal_content_notice_complaints",
                columns: new[] { "NoticeId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_illegal_content_notice_complaints_State",
                table: "illegal_content_notice_complaints",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "illegal_content_notice_complaint_codes");

            migrationBuilder.DropTable(
                name: "illegal_content_notice_complaints");
        }
    }
}
