using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Demands;

namespace RightsDesk.Application.Demands;

/// <summary>The whole case as one view, for those cleared to see its contents; the next actions are the kernel's.</summary>
public sealed class DemandViewQuery(DemandCases cases)
{
    public async Task<DemandView> RunAsync(DemandRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var db = cases.Db;
        DecisionView? decisionView = null;
        if (await cases.CurrentDecisionOrNullAsync(record, ct) is var (row, decision))
        {
            decisionView = new DecisionView(decision, row.Approvals.OrderBy(a => a.At).Select(a => new ApprovalView(a.ApprovedBy, a.At)).ToList());
        }

        var documents = await db.Documents.AsNoTracking().Where(d => d.DemandId == record.Id).OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentView(d.Id, d.ContentType, d.Length, d.UploadedAt)).ToListAsync(ct);
        var noticeRows = await db.Notices.AsNoTracking().Where(n => n.DemandId == record.Id).OrderBy(n => n.TargetIndex).ToListAsync(ct);
        var packages = await db.DisclosurePackages.AsNoTracking().Where(p => p.DemandId == record.Id).OrderBy(p => p.CreatedAt)
            .Select(p => new PackageView(p.Id, p.DecisionId, p.CreatedAt, p.ItemCount, p.ManifestSha256)).ToListAsync(ct);
        var history = record.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new StepView(s.At, s.Actor, s.Action, s.From, s.To, cases.Sealing.StepNote(record, s))).ToList();
        return new DemandView(record.Id, record.State, record.CreatedAt, record.UpdatedAt, record.Restricted, record.AssignedTo,
            cases.Sealing.Demand(record), cases.Sealing.Assessment(record), decisionView, documents,
            noticeRows.Select(n => new NoticeView(n.Id, n.DemandId, n.TargetIndex, n.Plan, n.Status, n.Earliest, n.ReviewAt, n.SentAt)).ToList(),
            packages, history, Workflow.AllowedFrom(record.State, decisionView?.Decision.Outcome).ToList(), record.AcknowledgedAt);
    }
}
