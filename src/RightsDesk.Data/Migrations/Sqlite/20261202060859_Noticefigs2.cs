using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Noticefigs2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RevocationProposedAt",
                table: "partners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationProposedBy",
                table: "partners",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationProposedById",
                table: "partners",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "partners",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RevokedAt",
                table: "partners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedBy",
                table: "partners",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RevocationProposedAt",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "RevocationProposedBy",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "RevocationProposedById",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "RevokedBy",
                table: "partners");
        }
    }
}
