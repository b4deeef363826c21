using System.Text.Json.Nodes;
using RightsDesk.Core.Defenders.Protection;
using RightsDesk.Core.Policy;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.Defenders;

/// <summary>The HRD protection policy is data an operator edits; what makes it a policy (an endorser, a review
/// date, a register covering every feature) is checked when it loads, and the file is named in the refusal.</summary>
public sealed class HrdPolicyTests
{
    private static string Refusal(Action<JsonObject> edit) =>
        Assert.Throws<PolicyException>(() => Repo.LoadPolicy(Repo.PolicyDir, (rel, text) => rel == "hrd-policy.json" ? Edit(text, edit) : text)).Message;

    private static PolicySet Edited(Action<JsonObject> edit) =>
        Repo.LoadPolicy(Repo.PolicyDir, (rel, text) => rel == "hrd-policy.json" ? Edit(text, edit) : text);

    private static string Edit(string text, Action<JsonObject> edit)
    {
        var o = JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        edit(o);
        return o.ToJsonString();
    }

    [Fact]
    public void The_shipped_policy_loads_with_its_own_version_and_guidance_countries()
    {
        var hrd = Repo.Policy.Hrd;
        Assert.NotNull(hrd);
        Assert.StartsWith("sha256:", hrd.Version, StringComparison.Ordinal);
        Assert.Contains("HK", hrd.GuidanceCountries);
        Assert.DoesNotContain("US", hrd.GuidanceCountries);
        Assert.Equal("hk-nsl-data", hrd.RisksIn("HK").First().Id);
        Assert.All(hrd.GuidanceCountries, c => Assert.True(Repo.Policy.HasProfile(c), $"{c} has guidance but no jurisdiction profile"));
    }

    [Fact]
    public void Editing_the_commitment_changes_its_version_but_a_profile_edit_does_not()
    {
        var shipped = Repo.Policy.Hrd!.Version;
        var edited = Edited(o => o["commitment"]!["text"] = "A different commitment.").Hrd!.Version;
        Assert.NotEqual(shipped, edited);
        var profileEdited = Repo.LoadPolicy(Repo.PolicyDir, (rel, text) => rel == "jurisdictions/DE.json" ? text.Replace("\"riskTier\": \"low\"", "\"riskTier\": \"moderate\"", StringComparison.Ordinal) : text);
        Assert.Equal(shipped, profileEdited.Hrd!.Version);
    }

    [Fact]
    public void A_policy_nobody_endorsed_is_refused()
    {
        var message = Refusal(o => o["endorsement"]!["by"] = " ");
        Assert.StartsWith("policy/hrd-policy.json: ", message, StringComparison.Ordinal);
        Assert.Contains("endorsement.by is required", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_without_a_review_date_is_refused()
    {
        var message = Refusal(o => o.Remove("reviewBy"));
        Assert.StartsWith("policy/hrd-policy.json: ", message, StringComparison.Ordinal);
        Assert.Contains("reviewBy", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_date_years_away_is_refused()
    {
        Assert.Contains("at most two years", Refusal(o => o["reviewBy"] = "2030-01-01"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_feature_flags_the_register_until_a_risk_is_assessed_for_it()
    {
        var message = Refusal(o => o["features"]!.AsArray().Add("livestreams"));
        Assert.Contains("no risk for feature(s) livestreams", message, StringComparison.Ordinal);

        var assessed = Edited(o =>
        {
            o["features"]!.AsArray().Add("livestreams");
            o["risks"]!.AsArray().Add(new JsonObject
            {
                ["id"] = "live-doxxing",
                ["country"] = null,
                ["feature"] = "livestreams",
                ["threat"] = "A defender's location is worked out from a livestream.",
                ["groups"] = new JsonArray("journalists"),
                ["genderPerspective"] = "Women streamers are followed home.",
                ["mitigation"] = "Location is stripped from streams.",
            });
        });
        Assert.Contains(HrdFeature.Livestreams, assessed.Hrd!.Features);
    }

    [Fact]
    public void A_risk_without_a_gender_perspective_or_with_a_bad_country_is_refused()
    {
        Assert.Contains("genderPerspective is required", Refusal(o => o["risks"]![0]!["genderPerspective"] = ""), StringComparison.Ordinal);
        Assert.Contains("not an ISO 3166-1 alpha-2 code", Refusal(o => o["risks"]![0]!["country"] = "hk"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_or_a_partner_over_plain_http_is_refused()
    {
        Assert.Contains("'endorsedBy' is not a field this file has", Refusal(o => o["endorsedBy"] = "the CEO"), StringComparison.Ordinal);
        Assert.Contains("absolute https address", Refusal(o => o["partners"]![0]!["url"] = "http://example.org/"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_date_tells_when_the_policy_is_overdue()
    {
        var hrd = Repo.Policy.Hrd!;
        Assert.False(hrd.Overdue(hrd.ReviewBy));
        Assert.True(hrd.Overdue(hrd.ReviewBy.AddDays(1)));
    }
}
