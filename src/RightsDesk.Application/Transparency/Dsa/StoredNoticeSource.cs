using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Transparency;
using RightsDesk.Core.Transparency.Dsa;
using RightsDesk.Data;

namespace RightsDesk.Application.Transparency.Dsa;

/// <summary>
/// The Art. 16 notices received in the period, from the notice store, each with the moderation decision taken on it
/// (wherever that decision falls in time) for its category and whether it was automated. Only the clear columns are
/// read: what the notifier wrote stays sealed.
/// </summary>
public sealed class StoredNoticeSource(RightsDeskDbContext db, ModerationFactReader moderation) : IDsaNoticeSource
{
    public async Task<IReadOnlyList<DsaNotice>?> NoticesAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await db.IllegalContentNotices.AsNoTracking()
            .Where(n => n.ReceivedAt >= start && n.ReceivedAt < end)
            .Select(n => new { n.Source, n.Items, n.ReceivedAt, n.DecidedAt, n.Outcome, n.DecisionId })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.DecisionId).OfType<Guid>().Distinct().ToList();
        var decisions = (await moderation.ByIdsAsync(ids, ct)).ToDictionary(d => d.CaseHash, d => d.ToDsa(), StringComparer.Ordinal);
        return
        [
            .. rows.OrderBy(r => r.ReceivedAt).Select(r => DsaNoticeRules.Notice(
                r.Source == NoticeSource.TrustedFlagger, r.Items, r.ReceivedAt, r.Outcome == NoticeOutcome.DecisionTaken ? r.DecidedAt : null,
                r.DecisionId is { } id ? decisions.GetValueOrDefault(moderation.DecisionHash(id)) : null)),
        ];
    }
}
