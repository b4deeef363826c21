using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Demands;

/// <summary>An approver sends a decision back for another look: it is superseded and the case is assessed again.</summary>
public sealed class SendBack(DemandCases cases)
{
    public const int MinimumReasonLength = 10;

    public async Task RunAsync(DemandRecord record, Actor actor, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(actor);
        Workflow.Next(record.State, WorkflowAction.SendBack);
        if (!actor.IsPerson)
        {
            throw new WorkflowException("Only a person sends a decision back.");
        }

        var (row, decision) = await cases.CurrentDecisionAsync(record, ct);
        if (decision.Decider.IsSamePersonAs(actor))
        {
            throw new WorkflowException("Withdraw your own decision by asking another reviewer to send it back; approvers send decisions back.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinimumReasonLength)
        {
            throw new WorkflowException($"Say why the decision goes back (at least {MinimumReasonLength} characters): the reviewer acts on it.");
        }

        row.Superseded = true;
        cases.Step(record, WorkflowAction.SendBack, actor, cases.Now, reason.Trim());
        cases.Record(new DecisionSentBack(row.Id), actor, record);
        await cases.SaveAsync(ct);
    }
}
