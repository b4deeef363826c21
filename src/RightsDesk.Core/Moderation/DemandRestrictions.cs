using System.Globalization;
using System.Text.Json.Nodes;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Moderation;

/// <summary>
/// The moderation decisions a fulfilled restriction demand comes to: one per target, in the Transparency Database's
/// vocabulary, written as the platform would write them so that the one reader (<see cref="ModerationDecisionReader"/>)
/// checks them by the same v2 rules. Pure: the command supplies the demand, the final decision and the day.
/// </summary>
public static class DemandRestrictions
{
    /// <summary>A government order rarely names a DSA category; the database's own value for "not specified" is the
    /// honest one, and the keyword says it is a national law.</summary>
    public const string Category = "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE";

    public const string Keyword = "KEYWORD_VIOLATION_NATIONAL_LAW";

    private const int MaxLegalGround = 500;

    /// <summary>The puid of the decision for one target of a demand: stable, so fulfilment retried is <c>existing</c>.</summary>
    public static string Puid(Guid demandId, int targetIndex) =>
        "demand-" + demandId.ToString("N") + "-" + targetIndex.ToString(CultureInfo.InvariantCulture);

    /// <param name="languages">the language each target's user reads (by target index), where the platform knows it.</param>
    public static IReadOnlyList<(int TargetIndex, JsonObject Body)> For(Guid demandId, Demand demand, Decision decision, DateOnly today, IReadOnlyDictionary<int, string> languages)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(languages);
        if (decision.Outcome != Recommendation.RestrictInJurisdiction)
        {
            return [];
        }

        var action = demand.Restriction?.Action ?? (demand.Kind == DemandKind.AccountRestriction ? RestrictionAction.Suspend : RestrictionAction.GeoBlock);
        var scope = decision.AuthorisedTerritories.Count > 0 ? decision.AuthorisedTerritories : [demand.Authority.Country.Value];
        var result = new List<(int, JsonObject)>();
        foreach (var i in decision.AuthorisedTargets)
        {
            var target = demand.Targets[i];
            var d = new JsonObject
            {
                ["decisionGround"] = Tdb.GroundIllegal,
                ["illegalContentLegalGround"] = LegalGround(demand),
                ["illegalContentExplanation"] = "Restricted only where the law the order rests on applies (" + string.Join(", ", scope) + "), after the order was assessed against international standards and approved by a second person.",
                // The order does not say what kind of content it is; the database's "other" with a plain word is true.
                ["contentType"] = new JsonArray(Tdb.ContentTypeOther),
                ["contentTypeOther"] = target.Type == TargetType.Account ? "An account" : "Content named in a government order",
                ["category"] = Category,
                ["categorySpecification"] = new JsonArray(Keyword),
                ["territorialScope"] = new JsonArray(scope.Select(c => (JsonNode)c).ToArray()),
                // The content existed when the order named it: the end of its date range, or the day it was received.
                ["contentDate"] = Day(demand.DateRange?.To ?? DateOnly.FromDateTime(demand.ReceivedAt.UtcDateTime)),
                ["applicationDate"] = Day(today),
                ["decisionFacts"] = Facts(demand, scope),
                ["sourceType"] = Tdb.SourceOtherNotification,
                ["sourceIdentity"] = Truncate("A " + JsonNames.Of(demand.Authority.Type) + " of " + demand.Authority.Country.Value + ": " + demand.Authority.Name, MaxLegalGround),
                ["automatedDetection"] = Tdb.No,
                ["automatedDecision"] = "AUTOMATED_DECISION_NOT_AUTOMATED",
                ["puid"] = Puid(demandId, i),
                ["demandId"] = demandId.ToString(),
                ["userLanguage"] = languages.TryGetValue(i, out var language) && ModerationDecisionReader.UserLanguages.Contains(language) ? language : "en",
            };
            if (target.Type == TargetType.Account)
            {
                d["account"] = target.Id;
            }

            Measure(d, action, target.Type);
            result.Add((i, d));
        }

        return result;
    }

    private static void Measure(JsonObject d, RestrictionAction action, TargetType type)
    {
        if (type == TargetType.Account || action == RestrictionAction.Suspend)
        {
            // Restricted in some territories only: a partial suspension of the service, never the whole account.
            d["decisionProvision"] = "DECISION_PROVISION_PARTIAL_SUSPENSION";
            return;
        }

        d["decisionVisibility"] = new JsonArray(action switch
        {
            RestrictionAction.Label => Tdb.VisibilityLabelled,
            RestrictionAction.Demote => Tdb.VisibilityDemoted,
            _ => Tdb.VisibilityDisabled,
        });
    }

    private static string LegalGround(Demand demand) =>
        Truncate(demand.LegalBasis ?? demand.Offence ?? ("The order of " + demand.Authority.Name + " (" + demand.Authority.Country.Value + ")"), MaxLegalGround);

    private static string Facts(Demand demand, IReadOnlyList<string> scope) =>
        "A " + JsonNames.Of(demand.LegalProcess) + " from " + demand.Authority.Name + " (" + demand.Authority.Country.Value + "), received "
        + Day(DateOnly.FromDateTime(demand.ReceivedAt.UtcDateTime)) + ", ordered this restriction"
        + (demand.Offence is { } offence ? " for " + Truncate(offence, 300) : "") + ". It was carried out only in " + string.Join(", ", scope) + ".";

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
