using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Common;
using RightsDesk.Data.Demands;

namespace RightsDesk.Application.Demands;

/// <summary>
/// Finding demands by a target's identifier without ever reading targets in clear: the typed identifier is put in
/// its canonical form (<see cref="Identifiers"/>), keyed with the index key, and looked up in the index written at
/// intake. Demands stored before the index existed are indexed (and given a reference) by <see cref="BuildMissingAsync"/>.
/// </summary>
public sealed class DemandSearchIndex(DemandCases cases)
{
    private const int Batch = 200;

    /// <summary>The demands one of whose targets has this identifier (in any of its written forms).</summary>
    public IQueryable<Guid> DemandsWithTarget(string identifier, string? country)
    {
        // An officer's name is indexed folded like a keyword; the account form covers it (NFKC, controls removed, folded).
        var keys = Identifiers.CanonicalForms(identifier, country).Select(cases.Sealing.TargetIndex).ToList();
        return cases.Db.DemandTargetIndex.Where(x => keys.Contains(x.BlindIndex)).Select(x => x.DemandId);
    }

    /// <summary>Indexes the targets of demands stored before the index and gives them references; returns how many.</summary>
    public async Task<int> BuildMissingAsync(CancellationToken ct)
    {
        var db = cases.Db;
        var (done, skipped) = (0, 0);
        while (true)
        {
            var indexed = db.DemandTargetIndex.Select(x => x.DemandId);
            var batch = await db.Demands
                .Where(d => d.Reference == null || !indexed.Contains(d.Id))
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Skip(skipped).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return done;
            }

            // A demand without targets or officer never gets an index row: once it has its reference it is done, and skipped
            // (the ones this run finished drop out of the query, so only those stay in front).
            skipped += batch.Count(d => d.Reference is not null && !cases.Sealing.TargetIndexRows(d.Id, cases.Sealing.Demand(d)).Any());

            var ids = batch.Select(d => d.Id).ToList();
            var have = await db.DemandTargetIndex.Where(x => ids.Contains(x.DemandId)).Select(x => x.DemandId).Distinct().ToListAsync(ct);
            foreach (var d in batch.Where(d => !have.Contains(d.Id)))
            {
                db.DemandTargetIndex.AddRange(cases.Sealing.TargetIndexRows(d.Id, cases.Sealing.Demand(d)));
            }

            // The ledger writer's save takes its lock and numbers the references (DemandReferences); no event: this
            // changes no case, it only makes existing ones findable.
            await cases.Ledger.SaveAsync(ct);
            done += batch.Count;
            db.ChangeTracker.Clear();
        }
    }
}
