using RightsDesk.Core.Assessment.Checks;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Assessment;

/// <summary>
/// The rights assessment: pure and deterministic. The same demand, at-risk matches and policy version always give
/// the same result, so an assessment can be recomputed by anyone holding the policy.
/// To add a check: write an <see cref="IAssessmentCheck"/> in Checks/ and add it to <see cref="Checks"/>.
/// </summary>
public sealed class RightsAssessor(PolicySet policy)
{
    /// <summary>Run order matters only for the order findings are listed in.</summary>
    public static readonly IReadOnlyList<IAssessmentCheck> Checks =
    [
        new CompletenessCheck(),
        new AuthenticityCheck(),
        new LegalProcessCheck(),
        new JurisdictionCheck(),
        new JurisdictionRiskCheck(),
        new LegitimateAimCheck(),
        new ProportionalityCheck(),
        new EmergencyCheck(),
        new TargetRiskCheck(),
        new RestrictionScopeCheck(),
        new NetworkDisruptionCheck(),
    ];

    // When several checks say the demand cannot proceed as asked, the most protective answer wins.
    private static readonly Recommendation[] BlockPriority =
    [
        Recommendation.Reject,
        Recommendation.Challenge,
        Recommendation.VerifyRequester,
        Recommendation.RouteViaMlat,
        Recommendation.RequestClarification,
    ];

    public PolicySet Policy => policy;

    public AssessmentResult Assess(Demand demand, IAtRiskRegistry? atRisk = null, RequesterStanding? requester = null)
    {
        var matches = (atRisk ?? EmptyAtRiskRegistry.Instance).Match(demand.Targets);
        var c = new AssessmentContext(demand, policy, matches, requester ?? RequesterStanding.Unknown) { TakesClaimsAsGiven = requester is null };
        foreach (var check in Checks)
        {
            check.Run(c);
        }

        return Conclude(c);
    }

    private AssessmentResult Conclude(AssessmentContext c)
    {
        var d = c.Demand;
        var allowedTargets = Enumerable.Range(0, d.Targets.Count).Where(i => !c.ExcludedTargets.Contains(i)).ToList();
        var allowedCategories = d.DataCategories.Where(c.IsAllowed).ToList();
        var (recommendation, why) = Decide(c, allowedCategories, allowedTargets);

        var discloses = recommendation is Recommendation.Disclose or Recommendation.DiscloseNarrowed;
        var restricts = recommendation is Recommendation.RestrictInJurisdiction;
        var escalation = c.EscalationReasons.Count == 0
            ? Escalation.None
            : new Escalation(true, policy.Operator.EscalationRole, string.Join("; ", c.EscalationReasons.Distinct()));

        return new AssessmentResult
        {
            Recommendation = recommendation,
            Findings = c.Findings.ToList(),
            Escalation = escalation,
            RequiredApprovals = escalation.Required ? policy.Operator.Approvals.Escalated : policy.Operator.Approvals.Default,
            AllowedDataCategories = discloses ? allowedCategories : [],
            AllowedTerritories = restricts ? c.AllowedTerritories.ToList() : [],
            UserNotice = PlanNotice(c, allowedTargets),
            PolicyVersion = policy.Version,
            RecommendationReason = why,
            AllowedTargets = discloses || restricts || recommendation is Recommendation.Preserve ? allowedTargets : [],
            Preservation = recommendation is Recommendation.Preserve
                ? new PreservationScope(d.DataCategories.Count > 0 ? d.DataCategories : [DataCategory.SubscriberInfo, DataCategory.IpLogs, DataCategory.Content], 90)
                : null,
            FollowUpProcessDue = c.FollowUpProcessDue,
        };
    }

    private static (Recommendation, string) Decide(AssessmentContext c, List<DataCategory> allowed, List<int> allowedTargets)
    {
        foreach (var candidate in BlockPriority)
        {
            var reasons = c.Blocks.Where(b => b.Recommendation == candidate).Select(b => b.Why).Distinct().ToList();
            if (reasons.Count > 0)
            {
                return (candidate, Capitalise(string.Join("; ", reasons)) + ".");
            }
        }

        var d = c.Demand;
        switch (d.Kind)
        {
            case DemandKind.Preservation:
                return (Recommendation.Preserve, "Preserve the records for 90 days pending legal process; disclose nothing on this request.");
            case DemandKind.ContentRestriction or DemandKind.AccountRestriction:
                return (Recommendation.RestrictInJurisdiction, $"Restrict in {c.Words.Territories(c.AllowedTerritories)} only, where the law cited applies.");
            case DemandKind.NetworkDisruption:
                return (Recommendation.Challenge, "Network disruptions are contested.");
        }

        if (allowed.Count == 0 || allowedTargets.Count == 0)
        {
            var causes = d.DataCategories.Select(x => c.Removed.TryGetValue(x, out var cause) ? cause : (RemovalCause?)null).ToList();
            if (causes.Contains(RemovalCause.RequiresMlat))
            {
                return (Recommendation.RouteViaMlat, "The data asked for can be disclosed to this authority only through mutual legal assistance.");
            }

            return (Recommendation.Reject, "Nothing asked for may be disclosed on this legal process; tell the authority what process would be needed.");
        }

        var narrowed = allowed.Count < d.DataCategories.Count || allowedTargets.Count < d.Targets.Count;
        return narrowed
            ? (Recommendation.DiscloseNarrowed, $"Disclose only {c.Say(allowed)}; the rest of the demand goes beyond what the process and the reasons support.")
            : (Recommendation.Disclose, "The demand is authentic, lawful, necessary and proportionate as made.");
    }

    private UserNoticeDecision PlanNotice(AssessmentContext c, List<int> allowedTargets)
    {
        var d = c.Demand;
        var rules = policy.Operator.Notice;
        if (d.Kind is DemandKind.NetworkDisruption)
        {
            return new(NoticePlan.None, null, null, "A disruption affects a population, not identifiable users; it is disclosed in the transparency report and, where lawful, publicly.");
        }

        if (allowedTargets.Count == 0 && d.Targets.All(t => !t.IsIndividualised))
        {
            return new(NoticePlan.None, null, null, "The demand names no identifiable user to notify; it is counted in the transparency report.");
        }

        if (d.NonDisclosure is { Required: true } nd)
        {
            if (nd.Until is { } until && nd.Basis is not null)
            {
                return new(NoticePlan.AfterNonDisclosure, until.AddDays(1), null, $"A non-disclosure order binds until {until:yyyy-MM-dd}; the user is notified the day after it expires.");
            }

            var review = c.On.AddDays(rules.NonDisclosureReviewDays);
            return new(NoticePlan.ReviewNonDisclosure, null, review,
                nd.Basis is null
                    ? $"A non-disclosure order is claimed without a legal basis; notice is held and the order comes up for review on {review:yyyy-MM-dd}."
                    : $"The non-disclosure order has no end date; it comes up for review, and challenge, every {rules.NonDisclosureReviewDays} days (next {review:yyyy-MM-dd}).");
        }

        if (d.Emergency || d.LegalProcess is LegalProcess.EmergencyRequest)
        {
            var earliest = c.On.AddDays(rules.EmergencyDelayDays);
            return new(NoticePlan.AfterEmergency, earliest, null, $"Notice is delayed while the emergency lasts and given by {earliest:yyyy-MM-dd}.");
        }

        return new(NoticePlan.BeforeDisclosure, c.On, null, "The user is notified before anything is disclosed or restricted, so they can challenge the demand.");
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
