using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseKernelActors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedToId",
                table: "demands",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "demands",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedById",
                table: "decisions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedById",
                table: "approvals",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApproverRole",
                table: "approvals",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Tokens made before people and machines were told apart are read as machines: the narrower grant.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "api_tokens",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Machine");

            migrationBuilder.AddColumn<string>(
                name: "PersonId",
                table: "api_tokens",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_AssignedToId_ReceivedAt",
                table: "demands",
                columns: new[] { "AssignedToId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_approvals_DecisionId_ApprovedById",
                table: "approvals",
                columns: new[] { "DecisionId", "ApprovedById" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_demands_AssignedToId_ReceivedAt",
                table: "demands");

            migrationBuilder.DropIndex(
                name: "IX_approvals_DecisionId_ApprovedById",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "AssignedToId",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "DecidedById",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "ApprovedById",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "ApproverRole",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "api_tokens");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "api_tokens");
        }
    }
}
