using RightsDesk.Core.Assessment;

namespace RightsDesk.Core.Demands;

/// <summary>The milestones every demand passes on its way, in order (some are skipped by some outcomes).</summary>
public enum Milestone { Received, Acknowledged, Assessed, Decided, Approved, NoticeSent, Fulfilled, Closed }

public enum MilestoneStatus { Done, Current, ToCome, NotNeeded }

/// <summary>The loops a case can go round: back to the authority and, when it answers, assessed again.</summary>
public enum CaseLoop { Clarification, Verification, Challenge, SentBack }

public sealed record MilestoneView(Milestone Milestone, MilestoneStatus Status);

/// <summary>Where a case is on its way: each milestone's status, the loops it has been round, and the open loop.</summary>
public sealed record CaseProgress(IReadOnlyList<MilestoneView> Milestones, IReadOnlyDictionary<CaseLoop, int> LoopsTaken, CaseLoop? OpenLoop)
{
    /// <summary>
    /// Read from the case's steps (oldest first), its state, its current decision's outcome (if any) and whether a
    /// user notice and the acknowledgement of receipt have gone. Approval is "not needed" for outcomes without four eyes; fulfilment and notice for
    /// outcomes that leave nothing to do at the platform.
    /// </summary>
    public static CaseProgress Of(IReadOnlyList<(WorkflowAction Action, DemandState To)> steps, DemandState state, Recommendation? decided, bool noticePlanned, bool noticeSent,
        bool acknowledged = false)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var loops = new Dictionary<CaseLoop, int>();
        foreach (var (action, _) in steps)
        {
            CaseLoop? loop = action switch
            {
                WorkflowAction.RequestClarification => CaseLoop.Clarification,
                WorkflowAction.RequestVerification => CaseLoop.Verification,
                WorkflowAction.Challenge => CaseLoop.Challenge,
                WorkflowAction.SendBack => CaseLoop.SentBack,
                _ => null,
            };
            if (loop is { } l)
            {
                loops[l] = loops.GetValueOrDefault(l) + 1;
            }
        }

        CaseLoop? open = state switch
        {
            DemandState.ClarificationRequested => CaseLoop.Clarification,
            DemandState.VerificationPending => CaseLoop.Verification,
            DemandState.Challenged => CaseLoop.Challenge,
            _ => null,
        };

        // Reached: the furthest milestone the current state stands for. A loop back to "received" starts the way again.
        var reached = state switch
        {
            DemandState.Received => Milestone.Received,
            DemandState.Assessed => Milestone.Assessed,
            DemandState.AwaitingApproval => Milestone.Decided,
            DemandState.Decided or DemandState.ClarificationRequested or DemandState.VerificationPending or DemandState.Challenged
                => decided is { } o && Needs4Eyes(o) ? Milestone.Approved : Milestone.Decided,
            DemandState.Fulfilled => Milestone.Fulfilled,
            _ => Milestone.Closed,
        };
        var closedEarly = state == DemandState.Closed && steps.All(s => s.Action != WorkflowAction.Fulfil);
        // A case closed early skipped the milestones no step of it shows.
        bool Happened(Milestone m) => m switch
        {
            Milestone.Assessed => steps.Any(s => s.Action == WorkflowAction.Assess),
            Milestone.Decided => steps.Any(s => s.Action == WorkflowAction.Decide),
            Milestone.Approved => steps.Any(s => s.Action == WorkflowAction.Approve),
            Milestone.Fulfilled => steps.Any(s => s.Action == WorkflowAction.Fulfil),
            _ => true,
        };

        // Everything up to the milestone reached has happened; the next one needed is where the case stands, unless it
        // waits on the authority (the open loop). A user notice and the acknowledgement of receipt go on their own
        // schedule, so each is done when sent and is never where the case stands.
        var views = Enum.GetValues<Milestone>().Select(m =>
        {
            if (m == Milestone.Acknowledged)
            {
                return new MilestoneView(m, acknowledged ? MilestoneStatus.Done : state == DemandState.Closed ? MilestoneStatus.NotNeeded : MilestoneStatus.ToCome);
            }

            var notNeeded = (m == Milestone.Approved && decided is { } a && !Needs4Eyes(a))
                || (m == Milestone.Fulfilled && ((decided is { } f && !Workflow.Fulfillable(f)) || closedEarly))
                || (m == Milestone.NoticeSent && !noticePlanned && (decided is not null || state == DemandState.Closed));
            var status = m == Milestone.NoticeSent ? (noticeSent ? MilestoneStatus.Done : notNeeded ? MilestoneStatus.NotNeeded : MilestoneStatus.ToCome)
                : notNeeded ? MilestoneStatus.NotNeeded
                : m <= reached ? (state == DemandState.Closed && !Happened(m) ? MilestoneStatus.NotNeeded : MilestoneStatus.Done)
                : MilestoneStatus.ToCome;
            return new MilestoneView(m, status);
        }).ToList();
        var next = views.FindIndex(v => v.Status == MilestoneStatus.ToCome && v.Milestone is not (Milestone.NoticeSent or Milestone.Acknowledged));
        if (open is null && next >= 0)
        {
            views[next] = views[next] with { Status = MilestoneStatus.Current };
        }

        return new CaseProgress(views, loops, open);
    }

    private static bool Needs4Eyes(Recommendation o) => o is Recommendation.Disclose or Recommendation.DiscloseNarrowed or Recommendation.RestrictInJurisdiction;
}
