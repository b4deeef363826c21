using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.Transparency.Rollups;

/// <summary>One demand case reduced to its report record, with the id and date it is stored under.</summary>
public sealed record DemandFactRow(Guid DemandId, DateTimeOffset ReceivedAt, DemandFact Fact);

/// <summary>
/// Opens demand cases (they are sealed) and reduces each to its report record by <see cref="DemandFactRules"/>, named
/// by a keyed hash of its id. The one path from a case to its record: the full scan of the report and `report verify`,
/// the rollup's refresh on every save, and its rebuild and check all read through it, so they cannot count apart.
/// </summary>
public sealed class DemandFactReader(DemandSealing sealing, FieldCipher cipher, PolicyProvider policy)
{
    public const string CaseHashPurpose = "transparency-case";

    public string PolicyVersion => policy.Current.Version;

    /// <summary>The records of the cases <paramref name="which"/> selects, read through <paramref name="db"/> (the
    /// caller's context, and so its transaction).</summary>
    public async Task<List<DemandFactRow>> ReadAsync(RightsDeskDbContext db, IQueryable<DemandRecord> which, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(which);
        var records = await which.AsNoTracking().Include(d => d.Steps).ToListAsync(ct);
        // The cases as a subquery, not their ids as a list: EF Core expands a list into one parameter per id, and a
        // half-year of a busy desk (`bench report`: 100,000 demands) passes SQLite's limit of 32,766.
        var ids = which.Select(d => d.Id);
        var decisions = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.DemandId)).ToListAsync(ct)).ToLookup(d => d.DemandId);
        var packages = (await db.DisclosurePackages.AsNoTracking().Where(p => ids.Contains(p.DemandId)).ToListAsync(ct)).ToLookup(p => p.DemandId);
        var rows = new List<DemandFactRow>(records.Count);
        foreach (var r in records)
        {
            var standing = decisions[r.Id].Where(d => !d.Superseded).OrderByDescending(d => d.DecidedAt).FirstOrDefault();
            var done = r.Steps.Where(s => s.To is DemandState.Fulfilled or DemandState.Closed).Select(s => (DateTimeOffset?)s.At).Max();
            var items = packages[r.Id].Select(p => (int?)p.ItemCount).DefaultIfEmpty(null).Sum();
            var c = new CaseForReport(
                cipher.BlindIndex(CaseHashPurpose, r.Id.ToString("N")),
                sealing.Demand(r),
                r.State,
                sealing.Assessment(r),
                standing is null ? null : sealing.Decision(r, standing),
                packages[r.Id].Any() ? items : null,
                decisions[r.Id].Select(d => (DateTimeOffset?)d.DecidedAt).Min(),
                done);
            rows.Add(new DemandFactRow(r.Id, r.ReceivedAt, DemandFactRules.Fact(c, policy.Current)));
        }

        return rows;
    }
}
