using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;
using RightsDesk.Application.Notices;

namespace RightsDesk.Application.Demands;

/// <summary>
/// A reviewer decides an assessed demand. Disclosure and restriction wait for approvals by other people; any other
/// outcome is final at once, and those that go back to the authority move the case into that loop.
/// </summary>
public sealed class Decide(DemandCases cases, NoticePlanner notices)
{
    public async Task<Decision> RunAsync(DemandRecord record, DecisionInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        Workflow.Next(record.State, WorkflowAction.Decide);
        var demand = cases.Sealing.Demand(record);
        var assessment = cases.Sealing.Assessment(record) ?? throw new WorkflowException("The demand has not been assessed.");
        var now = cases.Now;
        var decision = DecisionRules.Decide(demand, assessment, input, actor, now);
        var decisionId = Guid.CreateVersion7(now);
        cases.Db.Decisions.Add(new DecisionRecord
        {
            Id = decisionId,
            DemandId = record.Id,
            Outcome = decision.Outcome,
            DecidedBy = actor.LedgerName,
            DecidedById = actor.Id,
            DecidedAt = now,
            DepartsFromRecommendation = decision.DepartsFromRecommendation,
            RequiredApprovals = decision.RequiredApprovals,
            SealedDecision = cases.Sealing.SealJson(cases.Sealing.Key(record), decisionId, "decision", decision),
        });
        var next = Workflow.NextAfterDecision(decision);
        cases.Step(record, WorkflowAction.Decide, actor, now, decision.Reason, next);
        cases.Record(new DecisionRecorded(decisionId, decision.Outcome, decision.DepartsFromRecommendation, decision.AuthorisedCategories, decision.AuthorisedTerritories, DemandCases.Dimensions(record), decision.Widens), actor, record);

        if (next == DemandState.Decided)
        {
            AfterFinalDecision(cases, notices, record, decision, actor, now);
        }

        await cases.SaveAsync(ct);
        return decision;
    }

    /// <summary>Once a decision is final: notices follow it, and an outcome that goes back to the authority opens that loop.</summary>
    internal static void AfterFinalDecision(DemandCases cases, NoticePlanner notices, DemandRecord record, Decision decision, Actor actor, DateTimeOffset now)
    {
        notices.OnDecided(record, decision, now);
        if (Workflow.FollowUpFor(decision.Outcome) is { } followUp)
        {
            cases.Step(record, followUp, actor, now, null, decided: decision.Outcome);
            cases.Record(new DemandStateChanged(record.State), actor, record);
        }
    }
}
