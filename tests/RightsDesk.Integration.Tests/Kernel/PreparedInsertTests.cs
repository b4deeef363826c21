using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Data;
using RightsDesk.Data.Bulk;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Integration.Tests.Kernel;

/// <summary>
/// The bulk path of the ingest binds SQLite parameters by position, writing each value itself. A row it stores must
/// be the row SaveChanges stores: every column of the same storage class with the same bytes, or the desk, the
/// exports and the report would read the two differently.
/// </summary>
public sealed class PreparedInsertTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rightsdesk-tests", Guid.NewGuid().ToString("N"));
    private DatabaseOptions _options = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _options = new DatabaseOptions { Engine = DatabaseEngine.Sqlite, ConnectionString = $"Data Source={Path.Combine(_dir, "bulk.db")};Pooling=false" };
        await using var db = DataServices.CreateContext(_options);
        await DataServices.MigrateAsync(db);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Every settable property given a value that is not its default (or left null when
    /// <paramref name="nulls"/>): a column added later is compared without this test changing.</summary>
    internal static T Filled<T>(bool nulls) where T : new()
    {
        var row = new T();
        foreach (var p in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var nullable = Nullable.GetUnderlyingType(p.PropertyType) is not null
                || (!p.PropertyType.IsValueType && new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable);
            if (nulls && nullable)
            {
                p.SetValue(row, null);
                continue;
            }

            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            var value = type switch
            {
                _ when type == typeof(string) => (object)("Text with ä, ı and 中文 " + p.Name),
                _ when type == typeof(Guid) => Guid.Parse("0192f2a4-6c1e-7b3d-9a4f-2e8d5c7b1a06"),
                _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 3, 4, 5, 6, 7, 891, TimeSpan.Zero),
                _ when type == typeof(DateTime) => new DateTime(2026, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc).AddTicks(2345),
                _ when type == typeof(DateOnly) => new DateOnly(2026, 2, 28),
                _ when type == typeof(bool) => true,
                _ when type == typeof(int) => 7,
                _ when type == typeof(long) => 1L << 40,
                _ when type == typeof(double) => 0.1,
                _ when type == typeof(byte[]) => new byte[] { 0, 1, 2, 250 },
                _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!,
                _ => throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is of a type this test does not fill: add it."),
            };
            p.SetValue(row, value);
        }

        return row;
    }

    /// <summary>Each column's storage class and SQL literal, keyed by column, without the ones that tell rows apart.</summary>
    private async Task<Dictionary<string, string>> StoredAsync(string table, string keyColumn, object key, params string[] skip)
    {
        await using var connection = new SqliteConnection(_options.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Except(skip))
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT typeof(\"{name}\") || ':' || quote(\"{name}\") FROM {table} WHERE \"{keyColumn}\" = @key";
            read.Parameters.AddWithValue("@key", key);
            stored[name] = (string)(await read.ExecuteScalarAsync())!;
        }

        return stored;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_decision_and_its_event_stored_by_position_are_stored_as_SaveChanges_stores_them(bool nulls)
    {
        var (saved, bulk) = (Filled<ModerationDecisionRecord>(nulls), Filled<ModerationDecisionRecord>(nulls));
        (saved.Id, saved.Puid, bulk.Id, bulk.Puid) = (Guid.CreateVersion7(), "saved", Guid.CreateVersion7(), "bulk");
        var (savedEvent, bulkEvent) = (Filled<LedgerEventRecord>(nulls), Filled<LedgerEventRecord>(nulls));
        (savedEvent.Seq, bulkEvent.Seq) = (1, 2);

        await using (var db = DataServices.CreateContext(_options))
        {
            Assert.True(PreparedInsert.BindsByPosition(db, typeof(ModerationDecisionRecord)));
            Assert.True(PreparedInsert.BindsByPosition(db, typeof(LedgerEventRecord)));
            // The filled ids name no demand or notice: this test is about how values are written, not about keys.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlAsync($"PRAGMA foreign_keys = OFF");
            db.ModerationDecisions.Add(saved);
            db.LedgerEvents.Add(savedEvent);
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await PreparedInsert.InsertAsync(db, [bulk], default);
            await PreparedInsert.InsertAsync(db, [bulkEvent], default);
            await tx.CommitAsync();
        }

        var expected = await StoredAsync("moderation_decisions", "Puid", "saved", "Id", "Puid");
        Assert.Equal(expected, await StoredAsync("moderation_decisions", "Puid", "bulk", "Id", "Puid"));
        Assert.Equal(await StoredAsync("ledger_events", "Seq", 1, "Seq"), await StoredAsync("ledger_events", "Seq", 2, "Seq"));
        // The comparison means something only if the filled row reached the columns it was meant to.
        Assert.Equal("text:'2026-02-28'", expected["ApplicationDate"]);
        Assert.Equal(nulls ? "null:NULL" : "text:'2026-02-28'", expected["EndsOn"]);
        Assert.StartsWith("blob:X'", expected["SealedDecision"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_puid_stored_twice_by_position_is_refused_as_SaveChanges_refuses_it()
    {
        var (first, second) = (Filled<ModerationDecisionRecord>(true), Filled<ModerationDecisionRecord>(true));
        (first.Id, first.Puid, second.Id, second.Puid) = (Guid.CreateVersion7(), "same", Guid.CreateVersion7(), "same");
        await using var db = DataServices.CreateContext(_options);
        await using var tx = await db.Database.BeginTransactionAsync();

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => PreparedInsert.InsertAsync(db, [first, second], default));

        Assert.Equal(19, Assert.IsType<SqliteException>(refused.InnerException).SqliteErrorCode);
    }
}
