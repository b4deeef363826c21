using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Demands;

/// <summary>
/// Runs the rights assessment on a stored demand under the policy in force, with what the desk itself knows of the
/// requester (the portal account's standing, or a call-back staff recorded) and the at-risk registry, and plans the
/// user notices. Intake, reassessment and a reopened case all assess through here.
/// </summary>
public sealed class AssessDemand(DemandCases cases, PolicyProvider policies, AtRiskRegistry atRisk, NoticePlanner notices)
{
    public async Task<AssessmentResult> RunAsync(DemandRecord record, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        Workflow.Next(record.State, WorkflowAction.Assess);
        var result = await AssessIntoAsync(record, cases.Sealing.Demand(record), actor, cases.Now, ct);
        await cases.SaveAsync(ct);
        return result;
    }

    /// <summary>Assesses into the unit of work without saving, for commands that assess as one of their steps.</summary>
    internal async Task<AssessmentResult> AssessIntoAsync(DemandRecord record, Demand demand, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var policy = policies.Current;
        var registry = await atRisk.SnapshotFor(demand.Targets, demand.Authority.Country.Value, ct);
        var requester = await StandingAsync(record, ct);
        var result = new RightsAssessor(policy).Assess(demand, registry, requester);
        record.SealedAssessment = cases.Sealing.SealJson(cases.Sealing.Key(record), record.Id, "assessment", result);
        record.Recommendation = result.Recommendation;
        record.EscalationRequired = result.Escalation.Required;
        record.RequiredApprovals = result.RequiredApprovals;
        record.PolicyVersion = result.PolicyVersion;
        record.AssessedAt = now;
        // A case touching the at-risk registry is compartmented: only those assigned and the human rights lead see it.
        record.Restricted |= registry.Match(demand.Targets).Count > 0;
        cases.Step(record, WorkflowAction.Assess, actor, now, null);
        cases.Record(new DemandAssessed(result.Recommendation, result.PolicyVersion, result.Escalation.Required, result.RequiredApprovals, requester.Status, DemandCases.Dimensions(record)), actor, record);
        notices.Plan(record, demand, result, now);
        return result;
    }

    /// <summary>The portal's record for portal demands; for every other route, a call-back recorded on this case.</summary>
    private async Task<RequesterStanding> StandingAsync(DemandRecord record, CancellationToken ct)
    {
        if (record.RequesterUserId is not null)
        {
            return await RequesterStandings.ForAsync(cases.Db, record.RequesterUserId, ct);
        }

        var verified = record.Steps.Where(s => s.Action == WorkflowAction.RecordVerification).Select(s => (DateTimeOffset?)s.At).Max();
        if (verified is null && cases.Db.Entry(record).State != EntityState.Added)
        {
            verified = await cases.Db.Set<DemandStep>().Where(s => s.DemandId == record.Id && s.Action == WorkflowAction.RecordVerification)
                .Select(s => (DateTimeOffset?)s.At).MaxAsync(ct);
        }

        return verified is { } at
            ? new RequesterStanding(RequesterStatus.VerifiedCallBack, DateOnly.FromDateTime(at.UtcDateTime))
            : RequesterStanding.Unknown;
    }
}
