using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Notices;

namespace RightsDesk.Application.Transparency;

/// <summary>Every user notice owed for a demand received in the period, by where it stands today.</summary>
public sealed class NoticeTransparencySource(RightsDeskDbContext db, FieldCipher cipher, TimeProvider clock) : ITransparencySource
{
    public string Name => NoticeReport.Source;

    public async Task<SourceReading> ReadAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var facts = await FactsAsync(period, ct);
        return new SourceReading(NoticeReport.Compute(facts, period), facts.Select(f => ReportRecords.Canonical(Name, f)).ToList());
    }

    public ReportSection Compute(ReportPeriod period, IEnumerable<string> records) =>
        NoticeReport.Compute(ReportRecords.Of<NoticeFact>(Name, records), period);

    public async Task<IReadOnlyList<NoticeFact>> FactsAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await (from n in db.Notices.AsNoTracking()
                          join d in db.Demands.AsNoTracking() on n.DemandId equals d.Id
                          where d.ReceivedAt >= start && d.ReceivedAt < end
                          select new { n.DemandId, n.TargetIndex, n.Plan, n.Status, n.Earliest, d.ReceivedAt, d.Kind }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return rows
            .Select(n => new NoticeFact(
                cipher.BlindIndex(DemandTransparencySource.CaseHashPurpose, n.DemandId.ToString("N")),
                n.ReceivedAt,
                n.Kind,
                DemandFactRules.Situation(n.Plan, n.Status == NoticeStatus.Sent, n.Status == NoticeStatus.Cancelled, n.Earliest, today)))
            .OrderBy(f => f.CaseHash, StringComparer.Ordinal).ThenBy(f => f.Situation)
            .ToList();
    }
}
