using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Rollups;

namespace RightsDesk.Application.Transparency.Rollups;

/// <summary>One tuple where the rollup and a recount of the decisions disagree.</summary>
public sealed record RollupDifference(ModerationRollupKey Key, long InRollup, long Recounted);

/// <summary>
/// Reads the moderation rollup for a period, recounts it from the decisions' own columns (the vocabulary's values and
/// the ladder's verdict, stored in clear beside the sealed decision, so no decision is opened), rebuilds it from that
/// recount, and says where the two differ.
/// </summary>
public sealed class ModerationRollupStore(RightsDeskDbContext db)
{
    /// <summary>The rollup's rows for the period, zero rows left out.</summary>
    public async Task<IReadOnlyList<ModerationTally>> TalliesAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (from, to) = (ModerationTally.MonthOf(period.Start), ModerationTally.MonthOf(period.End));
        var rows = await db.ModerationRollups.AsNoTracking().Where(r => r.Day >= from && r.Day < to && r.Count != 0).ToListAsync(ct);
        return [.. rows.Select(r => new ModerationTally(r.Day, r.Category, r.DecisionGround, r.SourceType, r.AutomatedDecision, r.Rung, r.State, r.Count))
            .OrderBy(t => t.CaseHash, StringComparer.Ordinal)];
    }

    /// <summary>How many decisions the store holds received in the period (an index range count).</summary>
    public Task<int> StoredAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        return db.ModerationDecisions.AsNoTracking().CountAsync(d => d.ReceivedAt >= start && d.ReceivedAt < end, ct);
    }

    /// <summary>Every decision in the store counted into its day and tuple, from the records, never the rollup.</summary>
    public async Task<Dictionary<ModerationRollupKey, long>> RecountAsync(CancellationToken ct)
    {
        var counts = new Dictionary<ModerationRollupKey, long>();
        var rows = db.ModerationDecisions.AsNoTracking()
            .Select(d => new { d.ReceivedAt, d.Category, d.DecisionGround, d.SourceType, d.AutomatedDecision, d.Rung, d.State });
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var key = new ModerationRollupKey(ModerationTally.MonthOf(r.ReceivedAt), r.Category, r.DecisionGround, r.SourceType, r.AutomatedDecision, r.Rung.ToString(), ModerationRollups.StateName(r.State));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>The rollup against a recount: every tuple where they differ (a zero row and a missing one agree).</summary>
    public async Task<IReadOnlyList<RollupDifference>> CheckAsync(CancellationToken ct)
    {
        var recount = await RecountAsync(ct);
        var kept = (await db.ModerationRollups.AsNoTracking().Where(r => r.Count != 0).ToListAsync(ct))
            .ToDictionary(r => new ModerationRollupKey(r.Day, r.Category, r.DecisionGround, r.SourceType, r.AutomatedDecision, r.Rung, r.State), r => r.Count);
        return [.. kept.Keys.Union(recount.Keys)
            .Select(k => new RollupDifference(k, kept.GetValueOrDefault(k), recount.GetValueOrDefault(k)))
            .Where(d => d.InRollup != d.Recounted)
            .OrderBy(d => d.Key.Day).ThenBy(d => d.Key.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>
    /// Replaces the rollup by a recount, in one transaction that holds writers of decisions off while it runs (on
    /// PostgreSQL a SHARE lock on the decisions; on SQLite the write lock the first DELETE takes), so a decision saved
    /// meanwhile is counted after the rebuild, by its own save, and never lost or counted twice. Returns the rows written.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Engine == DatabaseEngine.Postgres)
            {
                await db.Database.ExecuteSqlAsync($"LOCK TABLE moderation_decisions IN SHARE MODE", ct);
            }

            await db.ModerationRollups.ExecuteDeleteAsync(ct);
            var recount = await RecountAsync(ct);
            db.ModerationRollups.AddRange(recount.Select(p => new ModerationRollupRecord
            {
                Day = p.Key.Day, Category = p.Key.Category, DecisionGround = p.Key.Ground, SourceType = p.Key.Source,
                AutomatedDecision = p.Key.Automated, Rung = p.Key.Rung, State = p.Key.State, Count = p.Value,
            }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return recount.Count;
        });
    }
}
