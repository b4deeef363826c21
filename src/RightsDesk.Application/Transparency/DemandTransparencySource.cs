using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.Transparency;

/// <summary>
/// Demands received in the period, as de-identified records: each case is opened (it is sealed), reduced to its
/// report dimensions by <see cref="DemandFactRules"/> and named by a keyed hash of its id, so the records can be
/// published with the report's root without naming a case.
/// </summary>
public sealed class DemandTransparencySource(RightsDeskDbContext db, DemandSealing sealing, FieldCipher cipher, PolicyProvider policy) : ITransparencySource
{
    public const string CaseHashPurpose = "transparency-case";

    public string Name => DemandReport.Source;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var facts = await FactsAsync(period, ct);
        return new SourceReading(DemandReport.Compute(facts, period), facts.Select(f => ReportRecords.Canonical(Name, f)).ToList());
    }

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        DemandReport.Compute(ReportRecords.Of<DemandFact>(Name, records), period);

    public async Task<IReadOnlyList<DemandFact>> FactsAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var records = await db.Demands.AsNoTracking().Include(d => d.Steps)
            .Where(d => d.ReceivedAt >= start && d.ReceivedAt < end).ToListAsync(ct);
        // The period's demands as a subquery, not their ids as a list: EF Core expands a list into one parameter per
        // id, and a half-year of a busy desk (`bench report`: 100,000 demands) passes SQLite's limit of 32,766.
        var inPeriod = db.Demands.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end).Select(d => d.Id);
        var decisions = (await db.Decisions.AsNoTracking().Where(d => inPeriod.Contains(d.DemandId)).ToListAsync(ct)).ToLookup(d => d.DemandId);
        var packages = (await db.DisclosurePackages.AsNoTracking().Where(p => inPeriod.Contains(p.DemandId)).ToListAsync(ct)).ToLookup(p => p.DemandId);
        var facts = new List<DemandFact>(records.Count);
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
            facts.Add(DemandFactRules.Fact(c, policy.Current));
        }

        return facts.OrderBy(f => f.CaseHash, StringComparer.Ordinal).ToList();
    }
}
