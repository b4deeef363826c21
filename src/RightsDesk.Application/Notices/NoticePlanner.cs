using RightsDesk.Core.Cases;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Notices;

namespace RightsDesk.Application.Notices;

/// <summary>
/// Keeps each affected user's notice in step with the case: planned at assessment, queued when the law allows
/// (before disclosure by default; after a gag order expires; after an emergency), reviewed every N days while an
/// indefinite gag order holds it.
/// </summary>
public sealed class NoticePlanner(RightsDeskDbContext db, LedgerWriter ledger)
{
    /// <summary>Plans (or re-plans, after a reassessment) one notice per individual target.</summary>
    public void Plan(DemandRecord record, Demand demand, AssessmentResult result, DateTimeOffset now)
    {
        var existing = db.Notices.Local.Where(n => n.DemandId == record.Id).ToList();
        if (existing.Count == 0 && db.Entry(record).State != EntityState.Added)
        {
            existing = db.Notices.Where(n => n.DemandId == record.Id).ToList();
        }

        for (var i = 0; i < demand.Targets.Count; i++)
        {
            if (!demand.Targets[i].IsIndividualised)
            {
                continue;
            }

            var notice = existing.FirstOrDefault(n => n.TargetIndex == i);
            if (notice is { Status: NoticeStatus.Queued or NoticeStatus.Sent })
            {
                continue;
            }

            if (notice is null)
            {
                notice = new NoticeRecord { Id = Guid.CreateVersion7(now), DemandId = record.Id, TargetIndex = i, CreatedAt = now };
                db.Notices.Add(notice);
            }

            var u = result.UserNotice;
            notice.Plan = u.Plan;
            notice.Earliest = u.Earliest;
            notice.ReviewAt = u.ReviewAt;
            notice.Status = u.Plan switch
            {
                NoticePlan.None => NoticeStatus.Cancelled,
                NoticePlan.ReviewNonDisclosure => NoticeStatus.Held,
                _ => NoticeStatus.Planned,
            };
            ledger.Record(new NoticePlanned(notice.Id, u.Plan, u.Earliest), LedgerWriter.SystemActor, record.Id.ToString());
        }
    }

    /// <summary>A disclosure or restriction is approved: notices planned for "before disclosure" go now.</summary>
    public void OnDecided(DemandRecord record, Decision decision, DateTimeOffset now)
    {
        if (!decision.NeedsApproval)
        {
            return;
        }

        foreach (var n in NoticesOf(record).Where(n => n.Status == NoticeStatus.Planned && n.Plan == NoticePlan.BeforeDisclosure))
        {
            MarkDue(record, n, now);
        }
    }

    public void OnFulfilled(DemandRecord record, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var n in NoticesOf(record).Where(n => n.Status == NoticeStatus.Planned && n.Earliest is { } e && e <= today))
        {
            MarkDue(record, n, now);
        }
    }

    /// <summary>Refuses a disclosure while a "before disclosure" notice has not reached the user.</summary>
    public async Task EnsureNoticeAllowsFulfilment(DemandRecord record, CancellationToken ct)
    {
        var pending = await db.Notices.AsNoTracking()
            .Where(n => n.DemandId == record.Id && n.Plan == NoticePlan.BeforeDisclosure && n.Status != NoticeStatus.Sent && n.Status != NoticeStatus.Cancelled)
            .CountAsync(ct);
        if (pending > 0)
        {
            throw new Core.Cases.WorkflowException($"{pending} user notice(s) must be delivered before anything is disclosed, so the user can challenge the demand. Check the notice outbox.");
        }
    }

    private List<NoticeRecord> NoticesOf(DemandRecord record)
    {
        var local = db.Notices.Local.Where(n => n.DemandId == record.Id).ToList();
        return local.Count > 0 ? local : db.Notices.Where(n => n.DemandId == record.Id).ToList();
    }

    /// <summary>Marks a notice due; the notice job composes and queues it (it needs the connector, which is async).</summary>
    private void MarkDue(DemandRecord record, NoticeRecord notice, DateTimeOffset now)
    {
        notice.Status = NoticeStatus.Queued;
        notice.QueuedAt = now;
        ledger.Record(new NoticeQueued(notice.Id), LedgerWriter.SystemActor, record.Id.ToString());
    }
}
