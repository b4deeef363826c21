using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Modflow1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EndedAt",
                table: "moderation_decisions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstConfirmedAt",
                table: "moderation_decisions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstConfirmedBy",
                table: "moderation_decisions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstConfirmedById",
                table: "moderation_decisions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PlatformReportedAt",
                table: "moderation_decisions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformResult",
                table: "moderation_decisions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedPlatformFailure",
                table: "moderation_decisions",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedTarget",
                table: "moderation_decisions",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SecondReviewRequired",
                table: "moderation_decisions",
                type: "boolean",
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
