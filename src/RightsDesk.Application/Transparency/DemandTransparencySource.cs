using RightsDesk.Application.Transparency.Rollups;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;

namespace RightsDesk.Application.Transparency;

/// <summary>
/// Demands received in the period, as de-identified records (each case reduced to its report dimensions by
/// <see cref="DemandFactRules"/> and named by a keyed hash of its id, so the records can be published with the
/// report's root without naming a case). A report reads them from the demand rollup, kept as cases are saved;
/// `report verify` and the full scan open every case (<see cref="RecountAsync"/>), and so does a report whose rollup
/// cannot stand for the period's cases (a row missing, or computed under another policy version).
/// </summary>
public sealed class DemandTransparencySource(RightsDeskDbContext db, DemandFactReader reader, DemandRollupStore rollups) : ITransparencySource
{
    public const string CaseHashPurpose = DemandFactReader.CaseHashPurpose;

    public string Name => DemandReport.Source;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        if (await rollups.FactsAsync(period, ct) is not { } kept)
        {
            return await RecountAsync(period, ct);
        }

        return new(DemandReport.Compute([.. kept.Select(k => k.Fact)], period), [.. kept.Select(k => k.Line)]);
    }

    public async Task<SourceReading> RecountAsync(ReportPeriod period, CancellationToken ct) =>
        Reading(await FactsAsync(period, ct), period);

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        DemandReport.Compute(ReportRecords.Of<DemandFact>(Name, records), period);

    /// <summary>The period's records computed from the cases themselves, never from the rollup.</summary>
    public async Task<IReadOnlyList<DemandFact>> FactsAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await reader.ReadAsync(db, db.Demands.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end), ct);
        return [.. rows.Select(r => r.Fact).OrderBy(f => f.CaseHash, StringComparer.Ordinal)];
    }

    private SourceReading Reading(IReadOnlyList<DemandFact> facts, ReportPeriod period) =>
        new(DemandReport.Compute(facts, period), [.. facts.Select(f => ReportRecords.Canonical(Name, f))]);
}
