using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Hria1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "impact_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Phase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ScopeJson = table.Column<string>(type: "text", nullable: false),
                    AssessorsJson = table.Column<string>(type: "text", nullable: false),
                    AssuranceJson = table.Column<string>(type: "text", nullable: true),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: false),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedOffBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PolicyVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_impact_assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "impact_benchmarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Metric = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    MitigationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Commitment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Baseline = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_impact_benchmarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_impact_benchmarks_impact_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "impact_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "impact_consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Group = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    RisksJson = table.Column<string>(type: "text", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedBody = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_impact_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_impact_consultations_impact_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "impact_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "impact_mitigations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RisksJson = table.Column<string>(type: "text", nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    EvidenceJson = table.Column<string>(type: "text", nullable: false),
                    StatusById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StatusByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StatusAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_impact_mitigations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_impact_mitigations_impact_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "impact_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "impact_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Cause = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    BenchmarkId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: true),
                    NextReviewDue = table.Column<DateOnly>(type: "date", nullable: true),
                    ConductedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConductedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConductedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedOffById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SignedOffByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_impact_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_impact_reviews_impact_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "impact_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "impact_risks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    Severity = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_impact_risks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_impact_risks_impact_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "impact_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "impact_benchmark_readings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BenchmarkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TreeSize = table.Column<long>(type: "bigint", nullable: false),
                    OnTarget = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_impact_benchmark_readings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_impact_benchmark_readings_impact_benchmarks_BenchmarkId",
                        column: x => x.BenchmarkId,
                        principalTable: "impact_benchmarks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_impact_assessments_NextReviewDue",
                table: "impact_assessments",
                column: "NextReviewDue");

            migrationBuilder.CreateIndex(
                name: "IX_impact_benchmark_readings_BenchmarkId_At",
                table: "impact_benchmark_readings",
                columns: new[] { "BenchmarkId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_impact_benchmarks_AssessmentId",
                table: "impact_benchmarks",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_impact_consultations_AssessmentId",
                table: "impact_consultations",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_impact_mitigations_AssessmentId",
                table: "impact_mitigations",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_impact_reviews_AssessmentId",
                table: "impact_reviews",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_impact_risks_AssessmentId",
                table: "impact_risks",
                column: "AssessmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "impact_benchmark_readings");

            migrationBuilder.DropTable(
                name: "impact_consultations");

            migrationBuilder.DropTable(
                name: "impact_mitigations");

            migrationBuilder.DropTable(
                name: "impact_reviews");

            migrationBuilder.DropTable(
                name: "impact_risks");

            migrationBuilder.DropTable(
                name: "impact_benchmarks");

            migrationBuilder.DropTable(
                name: "impact_assessments");
        }
    }
}
