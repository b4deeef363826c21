using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Transparency;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Data.Rollups;

/// <summary>One day and tuple of the moderation rollup.</summary>
public readonly record struct ModerationRollupKey(DateOnly Day, string Category, string Ground, string Source, string Automated, string Rung, string State);

/// <summary>
/// Keeps <see cref="ModerationRollupRecord"/> in step with the decisions. The changes come from the change tracker of
/// the save that writes the decisions (added: +1 on its tuple; removed: -1; a changed state, rung or other dimension:
/// -1 on the old tuple and +1 on the new), so no use case can forget them, and they are written in that save's
/// transaction. Each change is one atomic upsert (<c>Count = Count + delta</c>), never a read and a write, so two
/// writers adding to one tuple at once both count on either engine, whatever their isolation level.
/// </summary>
public static class ModerationRollups
{
    public static string StateName(ModerationState state) => state.ToString().ToLowerInvariant();

    public static Dictionary<ModerationRollupKey, long> Deltas(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var deltas = new Dictionary<ModerationRollupKey, long>();
        foreach (var e in tracker.Entries<ModerationDecisionRecord>())
        {
            switch (e.State)
            {
                case EntityState.Added:
                    Add(deltas, KeyOf(e.CurrentValues), 1);
                    break;
                case EntityState.Deleted:
                    Add(deltas, KeyOf(e.OriginalValues), -1);
                    break;
                case EntityState.Modified when KeyOf(e.OriginalValues) != KeyOf(e.CurrentValues):
                    Add(deltas, KeyOf(e.OriginalValues), -1);
                    Add(deltas, KeyOf(e.CurrentValues), 1);
                    break;
                default:
                    break;
            }
        }

        foreach (var zero in deltas.Where(d => d.Value == 0).Select(d => d.Key).ToList())
        {
            deltas.Remove(zero);
        }

        return deltas;
    }

    /// <summary>The counts new decisions add, for rows written without the change tracker (the ledger's bulk insert).</summary>
    public static Dictionary<ModerationRollupKey, long> DeltasOf(IEnumerable<ModerationDecisionRecord> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        var deltas = new Dictionary<ModerationRollupKey, long>();
        foreach (var r in added)
        {
            Add(deltas, KeyOf(r), 1);
        }

        return deltas;
    }

    public static ModerationRollupKey KeyOf(ModerationDecisionRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(ModerationTally.MonthOf(r.ReceivedAt), r.Category, r.DecisionGround, r.SourceType, r.AutomatedDecision, r.Rung.ToString(), StateName(r.State));
    }

    private static ModerationRollupKey KeyOf(PropertyValues v) => new(
        ModerationTally.MonthOf(v.GetValue<DateTimeOffset>(nameof(ModerationDecisionRecord.ReceivedAt))),
        v.GetValue<string>(nameof(ModerationDecisionRecord.Category)),
        v.GetValue<string>(nameof(ModerationDecisionRecord.DecisionGround)),
        v.GetValue<string>(nameof(ModerationDecisionRecord.SourceType)),
        v.GetValue<string>(nameof(ModerationDecisionRecord.AutomatedDecision)),
        v.GetValue<Rung>(nameof(ModerationDecisionRecord.Rung)).ToString(),
        StateName(v.GetValue<ModerationState>(nameof(ModerationDecisionRecord.State))));

    private static void Add(Dictionary<ModerationRollupKey, long> deltas, ModerationRollupKey key, long n) =>
        deltas[key] = deltas.GetValueOrDefault(key) + n;

    public static async Task ApplyAsync(RightsDeskDbContext db, IReadOnlyDictionary<ModerationRollupKey, long> deltas, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deltas);
        foreach (var (k, n) in deltas)
        {
            await db.Database.ExecuteSqlAsync(Upsert(k, n), ct);
        }
    }

    /// <summary>
    /// <see cref="ApplyAsync"/> for a bulk insert's batch (either engine), where a batch of a thousand decisions touches a few
    /// hundred tuples: the same upsert, prepared once on the caller's transaction and run for each tuple with its
    /// values, rather than a statement built, parsed and planned per tuple.
    /// </summary>
    public static async Task ApplyPreparedAsync(RightsDeskDbContext db, IReadOnlyDictionary<ModerationRollupKey, long> deltas, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deltas);
        if (deltas.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The rollups of a bulk insert are written in its transaction.");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO moderation_rollups ("Day", "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State", "Count")
            VALUES (@day, @category, @ground, @source, @automated, @rung, @state, @count)
            ON CONFLICT ("Day", "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State")
            DO UPDATE SET "Count" = moderation_rollups."Count" + excluded."Count"
            """;
        var day = Parameter(command, "@day");
        var category = Parameter(command, "@category");
        var ground = Parameter(command, "@ground");
        var source = Parameter(command, "@source");
        var automated = Parameter(command, "@automated");
        var rung = Parameter(command, "@rung");
        var state = Parameter(command, "@state");
        var count = Parameter(command, "@count");
        var prepared = false;
        var sqlite = db.Engine == DatabaseEngine.Sqlite;
        foreach (var (k, n) in deltas)
        {
            // The day as EF Core stores a DateOnly on SQLite (text), so these rows and those of ApplyAsync are one
            // tuple; PostgreSQL's column is a date.
            day.Value = sqlite ? k.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : k.Day;
            (category.Value, ground.Value, source.Value, automated.Value, rung.Value, state.Value, count.Value) = (k.Category, k.Ground, k.Source, k.Automated, k.Rung, k.State, n);
            if (!prepared)
            {
                await command.PrepareAsync(ct);
                prepared = true;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }

    public static void Apply(RightsDeskDbContext db, IReadOnlyDictionary<ModerationRollupKey, long> deltas)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deltas);
        foreach (var (k, n) in deltas)
        {
            db.Database.ExecuteSql(Upsert(k, n));
        }
    }

    // The same statement on both engines: SQLite (3.24+) and PostgreSQL share INSERT ... ON CONFLICT DO UPDATE.
    private static FormattableString Upsert(ModerationRollupKey k, long n) => $"""
        INSERT INTO moderation_rollups ("Day", "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State", "Count")
        VALUES ({k.Day}, {k.Category}, {k.Ground}, {k.Source}, {k.Automated}, {k.Rung}, {k.State}, {n})
        ON CONFLICT ("Day", "Category", "DecisionGround", "SourceType", "AutomatedDecision", "Rung", "State")
        DO UPDATE SET "Count" = moderation_rollups."Count" + excluded."Count"
        """;
}
