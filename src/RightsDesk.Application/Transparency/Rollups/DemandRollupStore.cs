using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Rollups;

namespace RightsDesk.Application.Transparency.Rollups;

/// <summary>One demand case whose kept report record disagrees with the record recomputed from the case.</summary>
public sealed record DemandRollupDifference(Guid DemandId, string What);

/// <summary>
/// The demand rollup: one de-identified report record per case (<see cref="DemandRollupRecord"/>), refreshed by the
/// ledger writer in the transaction of every save that touches a case, read by the half-year report, and checked
/// against and rebuilt from the cases themselves (`report rollups --check|--rebuild`).
/// </summary>
public sealed class DemandRollupStore(RightsDeskDbContext db, DemandFactReader reader) : IDemandRollup
{
    /// <summary>Cases opened at a time by a rebuild or a check: a bounded memory and under SQLite's parameter limit.</summary>
    private const int Chunk = 1000;

    /// <summary>Recomputes the records of <paramref name="demandIds"/> through <paramref name="context"/> (the saving
    /// context, inside its transaction, under the ledger's lock, so two saves of one case never interleave) and saves
    /// them; a case no longer stored loses its row.</summary>
    public async Task RefreshAsync(RightsDeskDbContext context, IReadOnlyCollection<Guid> demandIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(demandIds);
        var version = reader.PolicyVersion;
        foreach (var chunk in demandIds.Chunk(Chunk))
        {
            var rows = await reader.ReadAsync(context, context.Demands.Where(d => chunk.Contains(d.Id)), ct);
            var kept = await context.DemandRollups.Where(r => chunk.Contains(r.DemandId)).ToDictionaryAsync(r => r.DemandId, ct);
            foreach (var r in rows)
            {
                if (!kept.Remove(r.DemandId, out var row))
                {
                    row = new DemandRollupRecord { DemandId = r.DemandId };
                    context.DemandRollups.Add(row);
                }

                (row.ReceivedAt, row.PolicyVersion, row.Fact) = (r.ReceivedAt, version, Serialise(r.Fact));
            }

            context.DemandRollups.RemoveRange(kept.Values);
            await context.SaveChangesAsync(ct);
        }
    }

    /// <summary>The period's records from the rollup with their canonical report lines, ordered by case hash as the
    /// full scan orders them; null when the rollup cannot stand for the cases (a row missing or extra, as after a
    /// bulk load, or computed under another policy version), and the caller then reads the cases.</summary>
    public async Task<IReadOnlyList<(DemandFact Fact, string Line)>?> FactsAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var version = reader.PolicyVersion;
        var inPeriod = db.DemandRollups.AsNoTracking().Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
        // A row of another policy version reads as null: one pass, and no version string made per row.
        var rows = await inPeriod.Select(r => r.PolicyVersion == version ? r.Fact : null).ToListAsync(ct);
        var stored = await db.Demands.AsNoTracking().CountAsync(d => d.ReceivedAt >= start && d.ReceivedAt < end, ct);
        if (rows.Count != stored || rows.Contains(null))
        {
            return null;
        }

        // The stored JSON is the record as the full scan serialises it, so the report's line is made from it, not
        // serialised again. Each row is parsed and its line made once, on every core (nothing shared is touched).
        return [.. rows.AsParallel().AsOrdered().Select(json => (Fact: Parse(json!), Line: ReportRecords.CanonicalOf(DemandReport.Source, json!))).AsSequential()
            .OrderBy(f => f.Fact.CaseHash, StringComparer.Ordinal)];
    }

    /// <summary>Every case recomputed and compared with its kept row: missing, extra, stale or different.</summary>
    public async Task<IReadOnlyList<DemandRollupDifference>> CheckAsync(CancellationToken ct)
    {
        var kept = await db.DemandRollups.AsNoTracking().ToDictionaryAsync(r => r.DemandId, ct);
        var version = reader.PolicyVersion;
        var differ = new List<DemandRollupDifference>();
        var seen = new HashSet<Guid>();
        await foreach (var row in RecountAsync(ct))
        {
            seen.Add(row.DemandId);
            if (!kept.TryGetValue(row.DemandId, out var k))
            {
                differ.Add(new(row.DemandId, "no row in the rollup"));
            }
            else if (!string.Equals(k.PolicyVersion, version, StringComparison.Ordinal))
            {
                differ.Add(new(row.DemandId, $"computed under policy {k.PolicyVersion}, not {version}"));
            }
            else if (!string.Equals(k.Fact, Serialise(row.Fact), StringComparison.Ordinal) || k.ReceivedAt != row.ReceivedAt)
            {
                differ.Add(new(row.DemandId, "its record differs from the case"));
            }
        }

        differ.AddRange(kept.Keys.Where(id => !seen.Contains(id)).Select(id => new DemandRollupDifference(id, "a row for a case not stored")));
        return [.. differ.OrderBy(d => d.DemandId)];
    }

    /// <summary>
    /// Replaces the rollup by a recount of every case in one transaction that holds ledgered writers off (on
    /// PostgreSQL the ledger's advisory lock, which every save of a case takes; on SQLite the write lock the DELETE
    /// takes), so a case saved meanwhile is refreshed after the rebuild by its own save. Returns the rows written.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Engine == DatabaseEngine.Postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LedgerWriter.AdvisoryLockKey})", ct);
            }

            await db.DemandRollups.ExecuteDeleteAsync(ct);
            var written = 0;
            var version = reader.PolicyVersion;
            await foreach (var row in RecountAsync(ct))
            {
                db.DemandRollups.Add(new DemandRollupRecord { DemandId = row.DemandId, ReceivedAt = row.ReceivedAt, PolicyVersion = version, Fact = Serialise(row.Fact) });
                if (++written % Chunk == 0)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return written;
        });
    }

    /// <summary>Every stored case's record, computed from the case, a chunk of cases at a time.</summary>
    private async IAsyncEnumerable<DemandFactRow> RecountAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var ids = await db.Demands.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            foreach (var row in await reader.ReadAsync(db, db.Demands.Where(d => chunk.Contains(d.Id)), ct))
            {
                yield return row;
            }
        }
    }

    public static string Serialise(DemandFact fact) => JsonSerializer.Serialize(fact, JsonNames.Options);

    private static DemandFact Parse(string json) =>
        JsonSerializer.Deserialize<DemandFact>(json, JsonNames.Options) ?? throw new FormatException("a demand rollup row holds null");
}
