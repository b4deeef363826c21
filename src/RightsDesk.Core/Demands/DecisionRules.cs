using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;

namespace RightsDesk.Core.Demands;

/// <summary>
/// Turns a reviewer's decision into a <see cref="Decision"/>, enforcing the rules that make it accountable: only a
/// person decides, a departure from the recommendation needs a written reason, and nothing beyond what the assessment
/// allows (or the demand asked for) can be authorised.
/// </summary>
public static class DecisionRules
{
    public static Decision Decide(Demand demand, AssessmentResult assessment, DecisionInput input, Actor decider, DateTimeOffset at)
    {
        FourEyes.EnsureMayDecide(decider);
        var departs = input.Outcome != assessment.Recommendation;
        var reason = input.Reason?.Trim();
        if (departs && (reason is null || reason.Length < Workflow.MinimumDepartureReasonLength))
        {
            throw new WorkflowException($"The decision ({JsonNames.Of(input.Outcome)}) departs from the recommendation ({JsonNames.Of(assessment.Recommendation)}); give a written reason of at least {Workflow.MinimumDepartureReasonLength} characters.");
        }

        IReadOnlyList<DataCategory> categories = [];
        IReadOnlyList<int> targets = [];
        IReadOnlyList<string> territories = [];
        switch (input.Outcome)
        {
            case Recommendation.Disclose or Recommendation.DiscloseNarrowed:
                if (demand.Kind is not DemandKind.UserData)
                {
                    throw new WorkflowException($"Only a user-data demand can be answered with disclosure; this is a {JsonNames.Of(demand.Kind)} demand.");
                }

                // Departing towards disclosure can only reach what was asked for; following the assessment, only what it allows.
                var ceiling = departs ? demand.DataCategories : assessment.AllowedDataCategories;
                categories = input.DataCategories is { Count: > 0 } asked ? asked.Distinct().ToList() : ceiling;
                var beyond = categories.Where(c => !ceiling.Contains(c)).ToList();
                if (beyond.Count > 0)
                {
                    throw new WorkflowException($"Cannot authorise {string.Join(", ", beyond.Select(JsonNames.Of))}: not within what {(departs ? "the demand asked for" : "the assessment allows")}.");
                }

                if (categories.Count == 0)
                {
                    throw new WorkflowException("A disclosure must authorise at least one data category.");
                }

                targets = departs ? Enumerable.Range(0, demand.Targets.Count).Where(i => demand.Targets[i].IsIndividualised).ToList() : assessment.AllowedTargets;
                if (targets.Count == 0)
                {
                    throw new WorkflowException("No individual target remains to disclose about.");
                }

                break;
            case Recommendation.RestrictInJurisdiction:
                if (demand.Kind is not (DemandKind.ContentRestriction or DemandKind.AccountRestriction))
                {
                    throw new WorkflowException("Only a content or account restriction demand can be answered with a restriction.");
                }

                var allowedTerritories = assessment.AllowedTerritories.Count > 0 ? assessment.AllowedTerritories : [demand.Authority.Country.Value];
                territories = input.Territories is { Count: > 0 } t ? t.Distinct().ToList() : allowedTerritories;
                var outside = territories.Where(x => !allowedTerritories.Contains(x) && !(departs && demand.Restriction?.Territories.Contains(x) == true)).ToList();
                if (outside.Count > 0)
                {
                    throw new WorkflowException($"Cannot restrict in {string.Join(", ", outside)}: the demand rests on the law of {demand.Authority.Country}.");
                }

                targets = Enumerable.Range(0, demand.Targets.Count).ToList();
                break;
            case Recommendation.Preserve:
                targets = Enumerable.Range(0, demand.Targets.Count).Where(i => demand.Targets[i].IsIndividualised).ToList();
                categories = assessment.Preservation?.Categories ?? demand.DataCategories;
                break;
        }

        var approvals = input.Outcome is Recommendation.Disclose or Recommendation.DiscloseNarrowed or Recommendation.RestrictInJurisdiction
            ? Math.Max(1, assessment.RequiredApprovals)
            : 0;
        var decision = new Decision(input.Outcome, decider.LedgerName, at, reason, departs, categories, targets, territories, approvals, decider.Id);
        var widens = BeyondAllowance.Of(decision, assessment, demand.Authority.Country.Value);
        if (widens is not null && (reason is null || reason.Length < Workflow.MinimumDepartureReasonLength))
        {
            throw new WorkflowException($"This decision discloses or restricts more than the assessment allowed; give a written reason of at least {Workflow.MinimumDepartureReasonLength} characters.");
        }

        return decision with { Widens = widens };
    }
}
