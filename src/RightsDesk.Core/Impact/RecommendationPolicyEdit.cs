using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightsDesk.Core.Impact;

/// <summary>
/// Turns a recommendation into the edit of a jurisdiction profile that carries it: an override for conditions and
/// for suspending processing (the shape of Hong Kong's), the market flag for leaving. The override's id names the
/// assessment and the recommendation, so the policy in force points back to where it came from.
/// </summary>
public static class RecommendationPolicyEdit
{
    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true };

    public static string File(string country) => $"jurisdictions/{country}.json";

    public static string OverrideId(Guid recommendation) => "impact-" + recommendation.ToString("N")[..12];

    /// <exception cref="JsonException">when the profile is not a JSON object.</exception>
    public static string Apply(string profile, Guid assessment, Guid recommendation, RecommendationInput r, DateOnly since)
    {
        ArgumentNullException.ThrowIfNull(r);
        var root = JsonNode.Parse(profile, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })?.AsObject()
            ?? throw new JsonException("The jurisdiction profile is not a JSON object.");
        if (r.Kind == RecommendationKind.LeaveMarket)
        {
            root["market"] = new JsonObject { ["operating"] = false, ["since"] = null };
        }
        else
        {
            if (root["overrides"] is not JsonArray overrides)
            {
                overrides = [];
                root["overrides"] = overrides;
            }

            overrides.Add(new JsonObject
            {
                ["id"] = OverrideId(recommendation),
                ["effect"] = r.Kind == RecommendationKind.SuspendProcessing ? "suspendAll" : "escalate",
                ["kinds"] = new JsonArray([.. r.DemandKinds.Select(k => (JsonNode)JsonNames.Of(k))]),
                ["since"] = since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["until"] = null,
                ["reason"] = r.Reasons,
                ["source"] = $"Impact assessment {assessment}, recommendation {recommendation}",
            });
        }

        return root.ToJsonString(Written) + "\n";
    }
}
