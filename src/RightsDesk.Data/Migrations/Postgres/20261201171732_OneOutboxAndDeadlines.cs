using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneOutboxAndDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ComposedAt",
                table: "notices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Step = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Assignee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindersSent = table.Column<int>(type: "integer", nullable: false),
                    LastReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CorrelationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SubjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedPayload = table.Column<byte[]>(type: "bytea", nullable: false),
                    LockedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_CaseKind_CaseId_Step",
                table: "deadlines",
                columns: new[] { "CaseKind", "CaseId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_MetAt_DueAt",
                table: "deadlines",
                columns: new[] { "MetAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Channel_IdempotencyKey",
                table: "outbox_messages",
                columns: new[] { "Channel", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_CorrelationId",
                table: "outbox_messages",
                column: "CorrelationId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Status_NextAttemptAt",
                table: "outbox_messages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Topic_SubjectId",
                table: "outbox_messages",
                columns: new[] { "Topic", "SubjectId" });

            // Every row of the notice outbox moves over under its own id: the payload's seal is bound to the id
            // ("{id:N}:payload", the context the one outbox keeps), so sealed rows open unchanged. Idempotency keys stay
            // as they were sent, so a receiver still drops a retry of a message it already had. Rows without a notice
            // were the portal's mails. Leases are dropped: no node runs while the schema changes.
            migrationBuilder.Sql("""
                INSERT INTO "outbox_messages" ("Id", "Topic", "CorrelationId", "SubjectId", "Channel", "IdempotencyKey", "Status",
                    "Attempts", "NextAttemptAt", "CreatedAt", "SentAt", "LastError", "WrappedKey", "SealedPayload", "LockedBy", "LockedUntil")
                SELECT o."Id", CASE WHEN o."NoticeId" IS NULL THEN 'portal-mail' ELSE 'notice' END, n."DemandId"::text, o."NoticeId"::text,
                    o."Channel", o."IdempotencyKey", o."Status", o."Attempts", o."NextAttemptAt", o."CreatedAt", o."SentAt", o."LastError",
                    o."WrappedKey", o."SealedPayload", NULL, NULL
                FROM "outbox" o LEFT JOIN "notices" n ON n."Id" = o."NoticeId";
                """);

            // A notice already turned into messages must not be composed again by the notice job.
            migrationBuilder.Sql("""
                UPDATE "notices" SET "ComposedAt" = COALESCE("QueuedAt", "CreatedAt")
                WHERE EXISTS (SELECT 1 FROM "outbox" o WHERE o."NoticeId" = "notices"."Id");
                """);

            migrationBuilder.DropTable(
                name: "outbox");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadlines");

            migrationBuilder.DropColumn(
                name: "ComposedAt",
                table: "notices");

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LockedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: true),
                    SealedPayload = table.Column<byte[]>(type: "bytea", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_IdempotencyKey",
                table: "outbox",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Status_NextAttemptAt",
                table: "outbox",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.Sql("""
                INSERT INTO "outbox" ("Id", "NoticeId", "Channel", "IdempotencyKey", "Status", "Attempts", "NextAttemptAt", "CreatedAt",
                    "SentAt", "LastError", "WrappedKey", "SealedPayload")
                SELECT m."Id", CASE WHEN m."Topic" = 'notice' THEN m."SubjectId"::uuid END, m."Channel", m."IdempotencyKey", m."Status",
                    m."Attempts", m."NextAttemptAt", m."CreatedAt", m."SentAt", m."LastError", m."WrappedKey", m."SealedPayload"
                FROM "outbox_messages" m WHERE m."Topic" IN ('notice', 'portal-mail') AND length(m."IdempotencyKey") <= 100;
                """);

            migrationBuilder.DropTable(
                name: "outbox_messages");
        }
    }
}
