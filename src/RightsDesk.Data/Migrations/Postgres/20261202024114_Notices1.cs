using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Notices1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "illegal_content_notice_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TargetIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_illegal_content_notice_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "illegal_content_notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FlaggerId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedById = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Items = table.Column<int>(type: "integer", nullable: false),
                    HasContact = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PossibleCampaign = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    PolicyVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedNotice = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedContact = table.Column<byte[]>(type: "bytea", nullable: true),
                    SealedReason = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_illegal_content_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trusted_flaggers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Coordinator = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DesignatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TokenId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trusted_flaggers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_illegal_content_notice_targets_NoticeId",
                table: "illegal_content_notice_targets",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_illegal_content_notice_targets_TargetIndex_ReceivedAt",
                table: "illegal_content_notice_targets",
                columns: new[] { "TargetIndex", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_illegal_content_notices_Reference",
                table: "illegal_content_notices",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_illegal_content_notices_Status_ReceivedAt",
                table: "illegal_content_notices",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_trusted_flaggers_TokenId",
                table: "trusted_flaggers",
                column: "TokenId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "illegal_content_notice_targets");

            migrationBuilder.DropTable(
                name: "illegal_content_notices");

            migrationBuilder.DropTable(
                name: "trusted_flaggers");
        }
    }
}
