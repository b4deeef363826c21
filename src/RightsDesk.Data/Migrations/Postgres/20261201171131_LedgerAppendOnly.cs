using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RightsDesk.Data.Migrations.Postgres
{
    /// <summary>
    /// The ledger tables become append-only in the database itself: a bug or a careless script that updates or
    /// deletes a ledger row fails at once instead of leaving a rewritten history for the next tree head to trip on.
    /// TRUNCATE is refused too, since it deletes without firing row triggers. Someone with full database access can
    /// still drop the triggers; that is what signed, published heads catch.
    /// </summary>
    public partial class LedgerAppendOnly : Migration
    {
        private static readonly string[] Tables = ["ledger_events", "tree_heads"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION rightsdesk_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}"
                        FOR EACH ROW EXECUTE FUNCTION rightsdesk_ledger_append_only();
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_no_truncate" BEFORE TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION rightsdesk_ledger_append_only();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_truncate" ON "{table}";""");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS rightsdesk_ledger_append_only();");
        }
    }
}
