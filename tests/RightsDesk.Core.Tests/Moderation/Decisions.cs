using System.Text.Json.Nodes;

namespace RightsDesk.Core.Tests.Moderation;

/// <summary>A decision the Transparency Database would accept, to be varied one field at a time.</summary>
public static class Decisions
{
    public static JsonObject Valid(string puid = "post-1001") => new()
    {
        ["decisionVisibility"] = new JsonArray("DECISION_VISIBILITY_CONTENT_REMOVED"),
        ["decisionGround"] = "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        ["incompatibleContentGround"] = "Community guidelines 4.2 (harassment)",
        ["incompatibleContentExplanation"] = "Repeated insults aimed at one user.",
        ["contentType"] = new JsonArray("CONTENT_TYPE_TEXT"),
        ["category"] = "STATEMENT_CATEGORY_CYBER_VIOLENCE",
        ["categorySpecification"] = new JsonArray("KEYWORD_CYBER_HARASSMENT"),
        ["territorialScope"] = new JsonArray("GLOBAL"),
        ["contentLanguage"] = "EN",
        ["contentDate"] = "2026-02-27",
        ["applicationDate"] = "2026-03-01",
        ["endDateVisibilityRestriction"] = "2026-09-01",
        ["decisionFacts"] = "The post repeated insults at a named user after two warnings.",
        ["sourceType"] = "SOURCE_ARTICLE_16",
        ["sourceIdentity"] = "A user report",
        ["automatedDetection"] = "No",
        ["automatedDecision"] = "AUTOMATED_DECISION_NOT_AUTOMATED",
        ["puid"] = puid,
        ["userLanguage"] = "fr",
        ["account"] = "@Someone@Example.Social",
    };

    public static JsonObject With(this JsonObject o, string name, JsonNode? value)
    {
        o[name] = value;
        return o;
    }

    public static JsonObject Without(this JsonObject o, params string[] names)
    {
        foreach (var n in names)
        {
            o.Remove(n);
        }

        return o;
    }
}
