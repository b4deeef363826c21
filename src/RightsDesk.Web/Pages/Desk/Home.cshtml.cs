using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Notices;
using RightsDesk.Data.Outbox;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk;

/// <summary>The queues that matter, each emergency-first and limited to what the person may see and act on.</summary>
public sealed class HomeModel(RightsDeskDbContext db, TimeProvider clock) : PageModel
{
    public const int QueueSize = 25;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A queue of the desk's home page (awaiting a decision, awaiting approval): the word staff read, not a collection type.")]
    public sealed record Queue(string Id, string Title, string Explanation, IReadOnlyList<DemandSummary> Items, int Total);

    public List<Queue> Queues { get; } = [];
    public int NoticesDue { get; private set; }
    public int NoticesDeadLettered { get; private set; }

    /// <summary>Markets and launches without a signed, current impact assessment, and reviews past due.</summary>
    public IReadOnlyList<Core.Impact.GateGap> ImpactGaps { get; private set; } = [];

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromServices] Application.Impact.ImpactQueries impact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(impact);
        if (User.Can(Permission.ImpactRead))
        {
            ImpactGaps = await impact.GateAsync(ct);
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var horizon = DateOnly.FromDateTime(now.AddHours(72).UtcDateTime);
        var visible = DemandQueries.Visible(db.Demands.AsNoTracking(), User.ToViewer());
        var me = User.ToActor();

        if (User.Can(Permission.DemandAssess) && User.Can(Permission.DemandRead))
        {
            // Each queue lists exactly the states in which its action is allowed (the kernel's transitions): nothing
            // appears "to decide" that cannot be decided.
            Queues.Add(await Build("to-assess", "New demands to assess", "Received and not yet assessed.",
                visible.Where(d => d.State == DemandState.Received), today, ct));
            Queues.Add(await Build("to-decide", "Assessed, awaiting a decision", "The assessment is done; a reviewer decides.",
                DemandQueries.InStates(visible, Workflow.StatesAllowing(WorkflowAction.Decide)), today, ct));
            Queues.Add(await Build("answers", "Waiting on the authority", "Clarification, verification or a challenge is open; record the answer when it comes.",
                DemandQueries.InStates(visible, Workflow.StatesAllowing(WorkflowAction.AnswerReceived)), today, ct));
        }

        if (User.Can(Permission.DemandApprove))
        {
            // Not the decision's author and not already approved by me: four eyes means someone else's decision.
            var (myId, myName) = (me.Id, me.LedgerName);
            var mine = db.Decisions.Where(x => !x.Superseded && (x.DecidedById == myId || (x.DecidedById == null && x.DecidedBy == myName))).Select(x => x.DemandId);
            var approvedByMe = from a in db.Approvals join x in db.Decisions on a.DecisionId equals x.Id
                               where !x.Superseded && (a.ApprovedById == myId || (a.ApprovedById == null && a.ApprovedBy == myName)) select x.DemandId;
            Queues.Add(await Build("my-approval", "Awaiting my approval", "Decisions by colleagues that need a second (or third) person.",
                DemandQueries.InStates(visible, Workflow.StatesAllowing(WorkflowAction.Approve)).Where(d => !mine.Contains(d.Id) && !approvedByMe.Contains(d.Id)), today, ct));
        }

        if (!User.Can(Permission.DemandRead))
        {
            return;
        }

        Queues.Add(await Build("deadlines", "Deadlines in the next 72 hours and overdue", "Open demands whose deadline has passed or falls within three days.",
            DemandQueries.Open(visible).Where(d => d.Deadline != null && d.Deadline <= horizon), today, ct, byDeadline: true));

        if (User.Can(Permission.DemandReadRestricted))
        {
            Queues.Add(await Build("escalations", "Escalations for the human rights lead", "The assessment asked for the human rights lead: at-risk targets, high-risk jurisdictions, shutdown orders.",
                DemandQueries.Open(visible).Where(d => d.EscalationRequired), today, ct));
        }

        if (User.Can(Permission.DemandCreate) && !User.Can(Permission.DemandAssess))
        {
            Queues.Add(await Build("clarification", "Waiting for the requester", "Clarification asked of the authority.",
                visible.Where(d => d.State == DemandState.ClarificationRequested), today, ct));
        }

        if (User.Can(Permission.NoticeRead))
        {
            NoticesDue = await db.Notices.CountAsync(n => (n.Status == NoticeStatus.Planned && n.Earliest != null && n.Earliest <= today) || n.Status == NoticeStatus.Queued, ct);
            NoticesDeadLettered = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.DeadLetter, ct);
        }
    }

    private static async Task<Queue> Build(string id, string title, string explanation, IQueryable<Data.Demands.DemandRecord> q, DateOnly today, CancellationToken ct, bool byDeadline = false)
    {
        var total = await q.CountAsync(ct);
        var ordered = byDeadline
            ? q.OrderByDescending(d => d.Emergency).ThenBy(d => d.Deadline).ThenBy(d => d.ReceivedAt)
            : q.OrderByDescending(d => d.Emergency).ThenBy(d => d.Deadline == null).ThenBy(d => d.Deadline).ThenBy(d => d.ReceivedAt);
        var rows = await ordered.Take(QueueSize).ToListAsync(ct);
        return new Queue(id, title, explanation, rows.Select(r => DemandSummary.From(r, today)).ToList(), total);
    }
}
