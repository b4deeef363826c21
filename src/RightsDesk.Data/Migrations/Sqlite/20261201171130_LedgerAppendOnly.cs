using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Sqlite
{
    /// <summary>
    /// The ledger tables become append-only in the database itself: a bug or a careless script that updates or
    /// deletes a ledger row fails at once instead of leaving a rewritten history for the next tree head to trip on.
    /// Someone with full database access can still drop the triggers; that is what signed, published heads catch.
    /// A later migration that makes EF rebuild one of these tables on SQLite (copy, drop, rename) drops its triggers
    /// with the old table and must create them again; LedgerIntegrityTests fails if it does not.
    /// </summary>
    public partial class LedgerAppendOnly : Migration
    {
        private static readonly string[] Tables = ["ledger_events", "tree_heads"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var action in new[] { "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{table}_no_{action.ToLowerInvariant()}" BEFORE {action} ON "{table}"
                        BEGIN
                            SELECT RAISE(ABORT, '{table} is append-only: {action} is refused');
                        END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_update";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_delete";""");
            }
        }
    }
}
