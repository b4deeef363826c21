using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Defenders1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "at_risk_people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Consent = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    VisibleTo = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProposedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ProposedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RemovalProposedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RemovalProposedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedNote = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_at_risk_people", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "at_risk_identifiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BlindIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IndexVersion = table.Column<int>(type: "integer", nullable: false),
                    SealedValue = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_at_risk_identifiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_at_risk_identifiers_at_risk_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "at_risk_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Each entry of the one-identifier registry becomes a person with that identifier, under the same ids, so
            // their sealed identifier and note open under the contexts they were sealed with. Their kind and index are
            // redone by AtRiskReindex at start-up (IndexVersion 0), which needs the index key this SQL cannot have.
            migrationBuilder.Sql("""
                INSERT INTO at_risk_people ("Id", "Category", "Source", "Consent", "ConsentOn", "ReviewOn", "VisibleTo", "Country", "Status",
                    "ProposedById", "ProposedBy", "ProposedAt", "UpdatedAt", "Version", "WrappedKey", "SealedNote")
                SELECT "Id", "Category", 'Staff', FALSE, NULL, CURRENT_DATE + 90, 'LeadAndResponders', NULL, 'Active',
                    NULL, "AddedBy", "AddedAt", "AddedAt", "Id", "WrappedKey", "SealedNote" FROM at_risk;
                INSERT INTO at_risk_identifiers ("Id", "PersonId", "Kind", "BlindIndex", "IndexVersion", "SealedValue")
                SELECT "Id", "Id", 'Account', "BlindIndex", 0, "SealedIdentifier" FROM at_risk;
                """);

            migrationBuilder.DropTable(
                name: "at_risk");

            migrationBuilder.CreateIndex(
                name: "IX_at_risk_identifiers_BlindIndex",
                table: "at_risk_identifiers",
                column: "BlindIndex");

            migrationBuilder.CreateIndex(
                name: "IX_at_risk_identifiers_IndexVersion",
                table: "at_risk_identifiers",
                column: "IndexVersion");

            migrationBuilder.CreateIndex(
                name: "IX_at_risk_identifiers_PersonId",
                table: "at_risk_identifiers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_at_risk_people_Status_ReviewOn",
                table: "at_risk_people",
                columns: new[] { "Status", "ReviewOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "at_risk_identifiers");

            migrationBuilder.DropTable(
                name: "at_risk_people");

            migrationBuilder.CreateTable(
                name: "at_risk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BlindIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SealedIdentifier = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedNote = table.Column<byte[]>(type: "bytea", nullable: true),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_at_risk", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_at_risk_BlindIndex",
                table: "at_risk",
                column: "BlindIndex",
                unique: true);
        }
    }
}
