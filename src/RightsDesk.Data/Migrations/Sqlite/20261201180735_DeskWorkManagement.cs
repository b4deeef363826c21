using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeskWorkManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "demands",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "demand_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SealedText = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demand_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demand_notes_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "demand_target_index",
                columns: table => new
                {
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    BlindIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demand_target_index", x => new { x.DemandId, x.TargetIndex });
                    table.ForeignKey(
                        name: "FK_demand_target_index_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "saved_filters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_saved_filters", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_demands_Reference",
                table: "demands",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demand_notes_DemandId_At",
                table: "demand_notes",
                columns: new[] { "DemandId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_demand_target_index_BlindIndex",
                table: "demand_target_index",
                column: "BlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_saved_filters_OwnerId_Name",
                table: "saved_filters",
                columns: new[] { "OwnerId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demand_notes");

            migrationBuilder.DropTable(
                name: "demand_target_index");

            migrationBuilder.DropTable(
                name: "saved_filters");

            migrationBuilder.DropIndex(
                name: "IX_demands_Reference",
                table: "demands");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "demands");
        }
    }
}
