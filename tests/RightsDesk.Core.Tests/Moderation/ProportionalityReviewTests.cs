using System.Text;
using System.Text.Json.Nodes;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.Moderation;

/// <summary>The ladder with the shipped policy: where a decision stands, what a person should look at, and when the
/// platform is told to hold a measure.</summary>
public sealed class ProportionalityReviewTests
{
    private static readonly ModerationPolicy Policy = Repo.Policy.Moderation!;

    private static ProportionalityResult Review(JsonObject body)
    {
        using var doc = StrictJson.Parse(Encoding.UTF8.GetBytes(body.ToJsonString()), ModerationDecisionReader.MaxBodyBytes, "too large");
        var item = ModerationDecisionReader.ReadBody(doc.RootElement).Single();
        Assert.True(item.Accepted, string.Join("; ", item.Errors.Select(e => e.Field + ": " + e.Message)));
        return ProportionalityReview.Review(item.Value!, Policy, Repo.Policy.Version);
    }

    private static JsonObject Suspension(string automated, string category = "STATEMENT_CATEGORY_VIOLENCE") => Decisions.Valid()
        .Without("decisionVisibility", "endDateVisibilityRestriction")
        .With("decisionAccount", "DECISION_ACCOUNT_SUSPENDED")
        .With("category", category)
        .With("automatedDecision", automated);

    [Fact]
    public void Each_measure_has_its_rung_and_removal_in_some_countries_is_a_geo_restriction()
    {
        Assert.Equal(Rung.Label, Review(Decisions.Valid().With("decisionVisibility", new JsonArray("DECISION_VISIBILITY_CONTENT_LABELLED"))).Rung);
        Assert.Equal(Rung.Remove, Review(Decisions.Valid()).Rung);
        Assert.Equal(Rung.GeoRestrict, Review(Decisions.Valid().With("territorialScope", new JsonArray("DE"))).Rung);
        Assert.Equal(Rung.Terminate, Review(Suspension("AUTOMATED_DECISION_NOT_AUTOMATED").With("decisionAccount", "DECISION_ACCOUNT_TERMINATED")).Rung);
    }

    [Fact]
    public void A_measure_above_the_categorys_default_is_a_finding_with_its_standard()
    {
        var result = Review(Decisions.Valid().With("category", "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS"));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ProportionalityReview.AboveDefault, finding.Code);
        Assert.Contains("label", finding.Reason, StringComparison.Ordinal);
        Assert.Contains("UNGP", finding.Standard, StringComparison.Ordinal);
        Assert.Equal(ModerationAction.Apply, result.Action);
    }

    [Fact]
    public void A_local_law_answered_by_global_removal_is_a_finding_and_a_geo_block_is_not()
    {
        JsonObject Illegal(params string[] scope) => Decisions.Valid()
            .With("decisionGround", "DECISION_GROUND_ILLEGAL_CONTENT")
            .With("illegalContentLegalGround", "StGB § 130")
            .With("territorialScope", new JsonArray(scope.Select(s => (JsonNode)s!).ToArray()));
        Assert.Contains(Review(Illegal("GLOBAL")).Findings, f => f.Code == ProportionalityReview.LocalLawGlobalRemoval);
        Assert.DoesNotContain(Review(Illegal("DE")).Findings, f => f.Code == ProportionalityReview.LocalLawGlobalRemoval);
    }

    [Fact]
    public void A_fully_automated_suspension_is_held_for_a_person_and_an_indefinite_one_is_flagged()
    {
        var automated = Review(Suspension("AUTOMATED_DECISION_FULLY"));
        Assert.Equal(ModerationAction.Hold, automated.Action);
        Assert.Contains(automated.Findings, f => f.Code == ProportionalityReview.AutomatedAccountMeasure);
        Assert.Contains(automated.Findings, f => f.Code == ProportionalityReview.IndefiniteAccountMeasure);
        Assert.Null(automated.EndsOn);
        Assert.Equal(new DateOnly(2026, 3, 1).AddDays(Policy.IndefiniteReviewDays), automated.ReviewDue);

        var byPerson = Review(Suspension("AUTOMATED_DECISION_PARTIALLY"));
        Assert.Equal(ModerationAction.Apply, byPerson.Action);
    }

    [Fact]
    public void The_policy_may_exempt_a_category_such_as_fraud_from_the_hold()
    {
        Assert.Equal(ModerationAction.Apply, Review(Suspension("AUTOMATED_DECISION_FULLY", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD")).Action);
    }

    [Fact]
    public void A_time_bound_measure_ends_on_its_last_date_and_needs_no_review()
    {
        var result = Review(Suspension("AUTOMATED_DECISION_NOT_AUTOMATED").With("endDateAccountRestriction", "2026-04-01"));
        Assert.Equal(new DateOnly(2026, 4, 1), result.EndsOn);
        Assert.Null(result.ReviewDue);
        Assert.DoesNotContain(result.Findings, f => f.Code == ProportionalityReview.IndefiniteAccountMeasure);
    }

    [Fact]
    public void The_policy_refuses_a_short_appeal_window_and_unknown_values()
    {
        Assert.Throws<Core.Policy.PolicyException>(() => (Policy with { AppealDays = 30 }).Validate());
        Assert.Throws<Core.Policy.PolicyException>(() => (Policy with { AutomatedAccountMeasureExempt = ["SPAM"] }).Validate());
    }
}
