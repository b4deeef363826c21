using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.Transparency;

/// <summary>Every Art. 16 notice received in the period, by its submitter, outcome and clock; what the notifier wrote
/// and who they are stay sealed and are never read here.</summary>
public sealed class IllegalContentNoticeTransparencySource(RightsDeskDbContext db, FieldCipher cipher) : ITransparencySource
{
    public string Name => IllegalContentNoticeFigures.Source;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var facts = await FactsAsync(period, ct);
        return new SourceReading(IllegalContentNoticeFigures.Compute(facts, period), facts.Select(f => ReportRecords.Canonical(Name, f)).ToList());
    }

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        IllegalContentNoticeFigures.Compute(ReportRecords.Of<IllegalContentNoticeFact>(Name, records), period);

    public async Task<IReadOnlyList<IllegalContentNoticeFact>> FactsAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await db.IllegalContentNotices.AsNoTracking()
            .Where(n => n.ReceivedAt >= start && n.ReceivedAt < end)
            .Select(n => new { n.Id, n.ReceivedAt, n.Source, n.Outcome, n.PossibleCampaign, n.DecidedAt })
            .ToListAsync(ct);
        return rows
            .Select(n => new IllegalContentNoticeFact(
                // Keyed like demands and incidents: the notice's decision is ledgered under its id, which is how
                // `report verify` tells a notice decided after the report from one altered outside the desk.
                cipher.BlindIndex(DemandTransparencySource.CaseHashPurpose, n.Id.ToString("N")),
                n.ReceivedAt,
                Words.Of(n.Source),
                IllegalContentNoticeFigures.OutcomeOf(n.Outcome),
                n.PossibleCampaign,
                n.DecidedAt is { } at ? Math.Round((at - n.ReceivedAt).TotalHours, 2) : null))
            .OrderBy(f => f.CaseHash, StringComparer.Ordinal)
            .ToList();
    }
}
