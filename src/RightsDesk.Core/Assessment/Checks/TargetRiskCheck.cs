using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>
/// A demand touching someone on the at-risk registry (human rights defender, journalist, lawyer, activist) goes to
/// the human rights lead and needs more approvers; from a high-risk state, user data is refused.
/// </summary>
internal sealed class TargetRiskCheck : IAssessmentCheck
{
    public string Id => "targetRisk";

    public void Run(AssessmentContext c)
    {
        if (c.AtRisk.Count == 0)
        {
            if (c.Demand.Targets.Count > 0)
            {
                c.Pass(Id, FindingCodes.TargetRiskNone, "No target is on the at-risk registry.", Standards.HrdRecommendations);
            }

            return;
        }

        // Name the target by position and category only: findings are shown widely, identifiers are not.
        var described = string.Join(", ", c.AtRisk.Select(m => $"target {m.TargetIndex + 1} ({m.Category})"));
        var highRisk = c.Profile.RiskTier is RiskTier.High or RiskTier.Severe || !c.Policy.HasProfile(c.AuthorityCountry);
        c.Escalate($"the demand touches the at-risk registry: {described}");

        if (highRisk && c.Demand.RequestsData)
        {
            c.Fail(Id, FindingCodes.TargetRiskHighRiskState, $"The demand asks a {JsonNames.Of(c.Profile.RiskTier)}-risk state for data about people on the at-risk registry ({described}); defenders are targeted through such demands, so user data is not disclosed.", Standards.HrdRecommendations);
            c.Require(Recommendation.Reject, "an at-risk target in a high-risk jurisdiction");
        }
        else
        {
            c.Concern(Id, FindingCodes.TargetRiskAtRisk, $"The demand touches people on the at-risk registry ({described}); the human rights lead reviews it and more approvers are needed.", Standards.HrdRecommendations);
        }
    }
}
