using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Incidents1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceiptLookup = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceiptSalt = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReceiptHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Types = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PhysicalDanger = table.Column<bool>(type: "INTEGER", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegistryRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    NamesAtRiskPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedReport = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incident_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StaffName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    SealedText = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incident_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_incident_messages_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_incident_messages_IncidentId_At",
                table: "incident_messages",
                columns: new[] { "IncidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_ReceiptLookup",
                table: "incidents",
                column: "ReceiptLookup",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_Reference",
                table: "incidents",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_Status_Severity_ReceivedAt",
                table: "incidents",
                columns: new[] { "Status", "Severity", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incident_messages");

            migrationBuilder.DropTable(
                name: "incidents");
        }
    }
}
