using System.Globalization;
using RightsDesk.Application.Notices;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Demands;

/// <summary>
/// Another person approves a decision that hands data over or restricts speech. The kernel's four-eyes rule decides
/// whether the approval counts and whether the decision is now complete; the edge has already checked the approver's
/// fresh authenticator code (step-up).
/// </summary>
public sealed class Approve(DemandCases cases, NoticePlanner notices)
{
    public sealed record Result(Decision Decision, bool Complete, string? StillNeeded);

    public async Task<Result> RunAsync(DemandRecord record, Viewer approver, string? comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(approver);
        Workflow.Next(record.State, WorkflowAction.Approve);
        var (row, decision) = await cases.CurrentDecisionAsync(record, ct);
        var given = Given(row);
        var actor = approver.Actor;
        var mine = new Approval(actor, HoldsEscalationRole(approver));
        var complete = FourEyes.Approve(decision.Decider, given, mine, decision.RequiredApprovals, record.EscalationRequired);
        var now = cases.Now;
        row.Approvals.Add(new ApprovalRecord
        {
            DecisionId = row.Id, ApprovedBy = actor.LedgerName, ApprovedById = actor.Id, ApproverRole = mine.HoldsEscalationRole ? Roles.HumanRightsLead : null, At = now,
            SealedComment = comment is null ? null : cases.Sealing.Seal(cases.Sealing.Key(record), row.Id, "approval:" + actor.LedgerName, comment),
        });
        cases.Record(new DecisionApproved(row.Id, row.Approvals.Count, decision.RequiredApprovals, decision.Outcome, DemandCases.Dimensions(record)), actor, record);
        cases.Step(record, WorkflowAction.Approve, actor, now, comment, complete ? DemandState.Decided : DemandState.AwaitingApproval);
        if (complete)
        {
            Decide.AfterFinalDecision(cases, notices, record, decision, actor, now);
        }

        await cases.SaveAsync(ct);
        return new Result(decision, complete, complete ? null : FourEyes.Missing([.. given, mine], decision.RequiredApprovals, record.EscalationRequired));
    }

    /// <summary>The approvals a decision has, as the kernel weighs them (rows from before actor ids use the name).</summary>
    public static IReadOnlyList<Approval> Given(DecisionRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Approvals.Select(a => new Approval(Actor.Person(a.ApprovedById ?? a.ApprovedBy, a.ApprovedBy), a.ApproverRole == Roles.HumanRightsLead)).ToList();
    }

    /// <summary>The escalation role is the one cleared for compartmented, escalated cases: the role counts, even
    /// through a token (which never opens a compartment itself).</summary>
    public static bool HoldsEscalationRole(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return Roles.Has(viewer.Role, Permission.DemandReadRestricted) && viewer.Can(Permission.DemandApprove);
    }
}
