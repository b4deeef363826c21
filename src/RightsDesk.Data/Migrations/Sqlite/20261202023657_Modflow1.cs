using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Modflow1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "moderation_decisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstConfirmedAt",
                table: "moderation_decisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstConfirmedBy",
                table: "moderation_decisions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstConfirmedById",
                table: "moderation_decisions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PlatformReportedAt",
                table: "moderation_decisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformResult",
                table: "moderation_decisions",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedPlatformFailure",
                table: "moderation_decisions",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedTarget",
                table: "moderation_decisions",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SecondReviewRequired",
                table: "moderation_decisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_State_EndsOn",
                table: "moderation_decisions",
                columns: new[] { "State", "EndsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_moderation_decisions_State_EndsOn",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "FirstConfirmedAt",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "FirstConfirmedBy",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "FirstConfirmedById",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "PlatformReportedAt",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "PlatformResult",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "SealedPlatformFailure",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "SealedTarget",
                table: "moderation_decisions");

            migrationBuilder.DropColumn(
                name: "SecondReviewRequired",
                table: "moderation_decisions");
        }
    }
}
