using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Transparency;

/// <summary>What a stored case is, as far as a report needs to know: its demand, where the workflow has it, its
/// standing decision (a decision sent back does not count), how many items were handed over, and when it moved.</summary>
public sealed record CaseForReport(
    string CaseHash,
    Demand Demand,
    DemandState State,
    AssessmentResult? Assessment,
    Decision? Decision,
    int? ItemsHandedOver,
    DateTimeOffset? FirstDecidedAt,
    DateTimeOffset? CompletedAt);

/// <summary>
/// The rules that turn a case into a report record. A case is "pending" until something was done or refused; a case
/// closed without a decision is "withdrawn"; a disclosure that found nothing is "no data"; a narrowed disclosure, or
/// one that authorised fewer accounts than were named, is "some data". Each rule is here, once, so every source and
/// `report verify` count alike.
/// </summary>
public static class DemandFactRules
{
    public static DemandFact Fact(CaseForReport c, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(policy);
        var d = c.Demand;
        var outcome = Outcome(c);
        var acted = outcome is ReportOutcome.AllData or ReportOutcome.SomeData;
        var individual = d.Targets.Count(t => t.IsIndividualised);
        var authorised = c.Decision?.AuthorisedTargets.Count ?? 0;
        var restricts = d.Kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction;
        var territories = acted && c.Decision is { AuthorisedTerritories.Count: > 0 } ? c.Decision.AuthorisedTerritories : d.Restriction?.Territories ?? [];
        var scope = Scope(territories, d.Authority.Country.Value);
        var restricted = restricts && acted ? Math.Min(authorised, d.Targets.Count) : 0;
        return new DemandFact
        {
            CaseHash = c.CaseHash,
            Kind = d.Kind,
            ReceivedAt = d.ReceivedAt,
            Country = d.Authority.Country.Value,
            AuthorityType = d.Authority.Type,
            LegalProcess = d.LegalProcess,
            Emergency = d.Emergency,
            Outcome = outcome,
            AccountsSpecified = individual,
            AccountsAffected = acted ? Math.Min(authorised, individual) : 0,
            Data = !acted || d.Kind != DemandKind.UserData ? DataScope.None
                : c.Decision!.AuthorisedCategories.Any(x => x is DataCategory.Content or DataCategory.RealTime) ? DataScope.Content : DataScope.NonContent,
            MlatRouted = c.Decision?.Outcome == Recommendation.RouteViaMlat,
            ForgedOrUnverified = c.Decision?.Outcome == Recommendation.VerifyRequester || c.Assessment?.Recommendation == Recommendation.VerifyRequester,
            OffenceCategory = OffenceCategory(c.Assessment, policy),
            Action = d.Restriction?.Action,
            Scope = scope,
            ItemsRequested = restricts ? d.Targets.Count : 0,
            ItemsRestricted = restricted,
            Effect = restricted == 0 ? RestrictionEffect.None
                : d.Restriction?.Action == RestrictionAction.Remove && scope == TerritorialScope.Global ? RestrictionEffect.Removed
                : d.Restriction?.Action is RestrictionAction.Remove or RestrictionAction.GeoBlock ? RestrictionEffect.GeoRestricted
                : RestrictionEffect.Other,
            HoursToDecide = c.FirstDecidedAt is { } decided ? Hours(decided - d.ReceivedAt) : null,
            HoursToComplete = c.CompletedAt is { } done ? Hours(done - d.ReceivedAt) : null,
        };
    }

    public static ReportOutcome Outcome(CaseForReport c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var closed = c.State == DemandState.Closed;
        if (c.Decision is null)
        {
            return closed ? ReportOutcome.Withdrawn : ReportOutcome.Pending;
        }

        switch (c.Decision.Outcome)
        {
            case Recommendation.Reject:
                return ReportOutcome.Rejected;
            case Recommendation.Challenge:
                return ReportOutcome.Challenged;
            case Recommendation.RouteViaMlat:
                return ReportOutcome.NoData;
            case Recommendation.RequestClarification or Recommendation.VerifyRequester:
                return closed ? ReportOutcome.NoData : ReportOutcome.Pending;
        }

        var fulfilled = c.State == DemandState.Fulfilled || (closed && c.ItemsHandedOver is not null);
        if (!fulfilled)
        {
            return closed ? ReportOutcome.NoData : ReportOutcome.Pending;
        }

        if (c.ItemsHandedOver == 0 && c.Demand.RequestsData)
        {
            return ReportOutcome.NoData;
        }

        var narrowed = c.Decision.Outcome == Recommendation.DiscloseNarrowed
            || c.Decision.AuthorisedTargets.Count < c.Demand.Targets.Count
            || (c.Demand.DataCategories.Count > 0 && c.Decision.AuthorisedCategories.Count > 0 && c.Decision.AuthorisedCategories.Count < c.Demand.DataCategories.Count);
        return narrowed ? ReportOutcome.SomeData : ReportOutcome.AllData;
    }

    public static TerritorialScope Scope(IReadOnlyList<string> territories, string issuing)
    {
        ArgumentNullException.ThrowIfNull(territories);
        return territories.Count == 0 ? TerritorialScope.None
            : territories.Contains("*") ? TerritorialScope.Global
            : territories.Count == 1 && string.Equals(territories[0], issuing, StringComparison.Ordinal) ? TerritorialScope.Issuing
            : TerritorialScope.Several;
    }

    /// <summary>The category of the law the assessment recognised (by the name its finding quotes), never the
    /// authority's own words.</summary>
    private static string OffenceCategory(AssessmentResult? assessment, PolicySet policy)
    {
        var law = assessment?.Findings
            .Where(f => f.Code is FindingCodes.LegitimateAimExpressionLaw or FindingCodes.LegitimateAimQuestionableLaw)
            .Select(f => f.Facts.TryGetValue("law", out var name) ? name : null)
            .FirstOrDefault(n => n is not null);
        var entry = law is null ? null : policy.Offences.FirstOrDefault(o => string.Equals(o.Name, law, StringComparison.Ordinal));
        return entry is null ? "notListed" : Words.Of(entry.Category);
    }

    private static double Hours(TimeSpan span) => Math.Round(Math.Max(0, span.TotalHours), 1);

    /// <summary>Where one affected user's notice stands, from its plan and status and today's date.</summary>
    public static NoticeSituation Situation(NoticePlan plan, bool sent, bool cancelled, DateOnly? earliest, DateOnly today) =>
        sent ? plan switch
        {
            NoticePlan.BeforeDisclosure => NoticeSituation.NotifiedBeforeDisclosure,
            NoticePlan.AfterEmergency => NoticeSituation.NotifiedAfterEmergency,
            _ => NoticeSituation.NotifiedAfterGag,
        }
        : cancelled ? NoticeSituation.NotNotifiedCancelled
        : plan switch
        {
            NoticePlan.ReviewNonDisclosure => NoticeSituation.NotNotifiedIndefiniteGagUnderReview,
            NoticePlan.AfterNonDisclosure when earliest is null || earliest > today => NoticeSituation.NotNotifiedGagInForce,
            NoticePlan.None => NoticeSituation.NotNotifiedNoDisclosure,
            _ => NoticeSituation.NotNotifiedPending,
        };
}
