using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Assessment.Checks;

/// <summary>The human rights situation of the requesting state and the operator's own decisions about it.</summary>
internal sealed class JurisdictionRiskCheck : IAssessmentCheck
{
    public string Id => "jurisdictionRisk";

    public void Run(AssessmentContext c)
    {
        var p = c.Profile;
        var d = c.Demand;
        var source = $"{p.RiskSource.Index}{(p.RiskSource.Score is { } s ? $" {s}/100" : "")}{(p.RiskSource.Status is { } st ? $" ({st})" : "")}, {p.RiskSource.Year}";

        if (!c.Policy.HasProfile(c.AuthorityCountry))
        {
            c.Concern(Id, FindingCodes.JurisdictionRiskNoProfile, $"There is no profile for {c.AuthorityCountry}; the conservative default applies (high risk, judicial process only). Add a profile to policy/jurisdictions.", Standards.OperatorPolicy);
            c.Escalate($"no jurisdiction profile for {c.AuthorityCountry}");
        }
        else
        {
            switch (p.RiskTier)
            {
                case RiskTier.Low:
                case RiskTier.Moderate:
                    c.Pass(Id, FindingCodes.JurisdictionRiskLow, $"{p.Name} is rated {JsonNames.Of(p.RiskTier)} risk ({source}).", "Freedom House; " + Standards.Ungp);
                    break;
                case RiskTier.High:
                case RiskTier.Severe:
                    c.Concern(Id, FindingCodes.JurisdictionRiskHigh, $"{p.Name} is rated {JsonNames.Of(p.RiskTier)} risk ({source}); demands from it need more than compliance: a second look at aim, target and scope.", "Freedom House; " + Standards.Ungp);
                    c.Escalate($"{p.Name} is a {JsonNames.Of(p.RiskTier)}-risk jurisdiction");
                    break;
            }
        }

        foreach (var o in p.Overrides)
        {
            if (!o.AppliesTo(d.Kind, c.On))
            {
                continue;
            }

            var why = $"Operator policy '{o.Id}' (since {o.Since:yyyy-MM-dd}): {o.Reason}";
            var standard = Standards.OperatorPolicy + (o.Source is null ? "" : "; " + o.Source);
            switch (o.Effect)
            {
                case OverrideEffect.SuspendUserData when d.RequestsData || d.Kind is DemandKind.Preservation:
                case OverrideEffect.SuspendAll:
                    c.Fail(Id, FindingCodes.JurisdictionRiskOperatorSuspension, why, standard, Override(o, p));
                    c.Require(Recommendation.Reject, $"operator policy {o.Id}");
                    c.Escalate($"operator policy {o.Id}");
                    break;
                case OverrideEffect.ChallengeRestrictions when d.Kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction:
                    c.Fail(Id, FindingCodes.JurisdictionRiskOperatorChallenge, why, standard, Override(o, p));
                    c.Require(Recommendation.Challenge, $"operator policy {o.Id}");
                    c.Escalate($"operator policy {o.Id}");
                    break;
                case OverrideEffect.Escalate:
                    c.Concern(Id, FindingCodes.JurisdictionRiskOperatorEscalation, why, standard, Override(o, p));
                    c.Escalate($"operator policy {o.Id}");
                    break;
            }
        }
    }

    // The operator's reason is written for staff; the authority is told which published policy applies and since when.
    private static (string, string)[] Override(PolicyOverride o, JurisdictionProfile p) =>
        [("policy", o.Id), ("since", o.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("country", p.Name)];
}
