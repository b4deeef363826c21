using Microsoft.EntityFrameworkCore;
using Npgsql;
using RightsDesk.Data;
using RightsDesk.Data.Bulk;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;
using static RightsDesk.Integration.Tests.Kernel.PreparedInsertTests;

namespace RightsDesk.Integration.Tests.Kernel;

/// <summary>
/// On PostgreSQL the ingest's rows and events go in by binary COPY. A row it stores must be the row SaveChanges
/// stores, column for column, and a puid stored twice must be refused as SaveChanges refuses it.
/// </summary>
public sealed class PostgresCopyTests : IAsyncLifetime
{
    private readonly string _name = "rd_copy_" + Guid.NewGuid().ToString("N")[..12];
    private string _admin = null!;
    private DatabaseOptions _options = null!;

    public async Task InitializeAsync()
    {
        _admin = Environment.GetEnvironmentVariable("RIGHTSDESK_TEST_POSTGRES")
            ?? throw new InvalidOperationException("RIGHTSDESK_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        _options = new DatabaseOptions { Engine = DatabaseEngine.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString };
        await using var db = DataServices.CreateContext(_options);
        await DataServices.MigrateAsync(db);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The stored row as PostgreSQL writes it in JSON (every column, typed), without the columns named.</summary>
    private async Task<string> StoredAsync(string table, string keyColumn, object key, params string[] skip)
    {
        await using var connection = new NpgsqlConnection(_options.ConnectionString);
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT (to_jsonb(t) - @skip::text[])::text FROM {table} t WHERE \"{keyColumn}\" = @key";
        read.Parameters.AddWithValue("skip", skip);
        read.Parameters.AddWithValue("key", key);
        return (string)(await read.ExecuteScalarAsync())!;
    }

    /// <summary>The filled row with each string cut to its column's length, which PostgreSQL enforces (SQLite does not).</summary>
    private static T Fit<T>(DbContext db, T row) where T : class
    {
        foreach (var p in db.Model.FindEntityType(typeof(T))!.GetProperties())
        {
            if (p.GetMaxLength() is { } max && p.PropertyInfo?.GetValue(row) is string text && text.Length > max)
            {
                p.PropertyInfo.SetValue(row, text[..max]);
            }
        }

        return row;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_decision_and_its_event_copied_are_stored_as_SaveChanges_stores_them(bool nulls)
    {
        var (saved, copied) = (Filled<ModerationDecisionRecord>(nulls), Filled<ModerationDecisionRecord>(nulls));
        (saved.Id, saved.Puid, copied.Id, copied.Puid) = (Guid.CreateVersion7(), "saved", Guid.CreateVersion7(), "copied");
        var (savedEvent, copiedEvent) = (Filled<LedgerEventRecord>(nulls), Filled<LedgerEventRecord>(nulls));
        (savedEvent.Seq, copiedEvent.Seq) = (1, 2);

        await using (var db = DataServices.CreateContext(_options))
        {
            (saved, copied, savedEvent, copiedEvent) = (Fit(db, saved), Fit(db, copied), Fit(db, savedEvent), Fit(db, copiedEvent));
            await using var tx = await db.Database.BeginTransactionAsync();
            // The filled ids name no demand or notice: this test is about how values are written, not about keys.
            await db.Database.ExecuteSqlAsync($"SET LOCAL session_replication_role = replica");
            db.ModerationDecisions.Add(saved);
            db.LedgerEvents.Add(savedEvent);
            await db.SaveChangesAsync();
            await PostgresCopy.InsertAsync(db, [copied], default);
            await PostgresCopy.InsertAsync(db, [copiedEvent], default);
            await tx.CommitAsync();
        }

        var expected = await StoredAsync("moderation_decisions", "Puid", "saved", "Id", "Puid");
        Assert.Equal(expected, await StoredAsync("moderation_decisions", "Puid", "copied", "Id", "Puid"));
        Assert.Equal(await StoredAsync("ledger_events", "Seq", 1L, "Seq"), await StoredAsync("ledger_events", "Seq", 2L, "Seq"));
        // The comparison means something only if the filled row reached the columns it was meant to.
        Assert.Contains("\"ApplicationDate\": \"2026-02-28\"", expected, StringComparison.Ordinal);
        Assert.Contains(nulls ? "\"EndsOn\": null" : "\"EndsOn\": \"2026-02-28\"", expected, StringComparison.Ordinal);
        Assert.Contains("\"SealedDecision\": \"\\\\x", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_puid_copied_twice_is_refused_as_SaveChanges_refuses_it()
    {
        var (first, second) = (Filled<ModerationDecisionRecord>(true), Filled<ModerationDecisionRecord>(true));
        (first.Id, first.Puid, second.Id, second.Puid) = (Guid.CreateVersion7(), "same", Guid.CreateVersion7(), "same");
        await using var db = DataServices.CreateContext(_options);
        (first, second) = (Fit(db, first), Fit(db, second));
        await using var tx = await db.Database.BeginTransactionAsync();

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => PostgresCopy.InsertAsync(db, [first, second], default));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
    }
}
