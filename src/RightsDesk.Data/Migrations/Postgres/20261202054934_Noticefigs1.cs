using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Noticefigs1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "NoticeId",
                table: "moderation_decisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_NoticeId",
                table: "moderation_decisions",
                column: "NoticeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_moderation_decisions_NoticeId",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "NoticeId",
                table: "moderation_decisions");
        }
    }
}
