using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.Transparency;

/// <summary>Every trusted partner's flag received in the period: an incident marked as the partner's, by its outcome
/// and clock. The partner is named by a keyed hash, so the report counts partners without naming one.</summary>
public sealed class PartnerFlagTransparencySource(RightsDeskDbContext db, FieldCipher cipher) : ITransparencySource
{
    public const string PartnerPurpose = "transparency-partner";

    public string Name => PartnerFlagFigures.Source;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var facts = await FactsAsync(period, ct);
        return new SourceReading(PartnerFlagFigures.Compute(facts, period), facts.Select(f => ReportRecords.Canonical(Name, f)).ToList());
    }

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        PartnerFlagFigures.Compute(ReportRecords.Of<PartnerFlagFact>(Name, records), period);

    public async Task<IReadOnlyList<PartnerFlagFact>> FactsAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => i.PartnerId != null && i.ReceivedAt >= start && i.ReceivedAt < end)
            .Select(i => new { i.Id, i.PartnerId, i.ReceivedAt, i.Outcome, i.ResolvedAt })
            .ToListAsync(ct);
        return rows
            .Select(i => new PartnerFlagFact(
                // The incident's own case hash: a flag resolved after the report is explained by the incident's ledgered step.
                cipher.BlindIndex(DemandTransparencySource.CaseHashPurpose, i.Id.ToString("N")),
                i.ReceivedAt,
                cipher.BlindIndex(PartnerPurpose, i.PartnerId!.Value.ToString("N")),
                PartnerFlagFigures.OutcomeOf(i.Outcome),
                i.ResolvedAt is { } r ? Math.Round((r - i.ReceivedAt).TotalHours, 2) : null))
            .OrderBy(f => f.CaseHash, StringComparer.Ordinal)
            .ToList();
    }
}
