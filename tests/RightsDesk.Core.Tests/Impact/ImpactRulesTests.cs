using System.Text.Json;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.Impact;

public sealed class ImpactRulesTests
{
    private static ImpactPolicy Rules => Repo.Policy.Impact!;

    private static Rated R(int v) => new(v, "because");

    private static ImpactRisk Risk(string title, ImpactNature nature, int scale, int scope, int irremediability, int? likelihood) =>
        new(title, ["iccpr-19"], [new AffectedGroup("journalists", "KE")], nature, Involvement.Contribute, null,
            new RiskRating(R(scale), R(scope), R(irremediability), likelihood is { } l ? R(l) : null), null, []);

    [Fact]
    public void A_severe_but_unlikely_risk_outranks_a_mild_but_likely_one()
    {
        var mildLikely = Risk("mild but likely", ImpactNature.Potential, 1, 2, 1, 4);
        var severeUnlikely = Risk("severe but unlikely", ImpactNature.Potential, 4, 3, 4, 1);
        var ordered = RiskOrder.Sort([mildLikely, severeUnlikely], r => r, Rules.Severity);
        Assert.Equal(["severe but unlikely", "mild but likely"], ordered.Select(r => r.Title));
        Assert.Equal("critical", Rules.Severity.Band(severeUnlikely.Inherent.Severity(Rules.Severity)));
    }

    [Fact]
    public void At_equal_severity_an_actual_impact_comes_before_a_potential_one_and_then_the_likelier()
    {
        var potentialLikely = Risk("potential, likely", ImpactNature.Potential, 2, 2, 2, 4);
        var potentialRare = Risk("potential, rare", ImpactNature.Potential, 2, 2, 2, 1);
        var actual = Risk("actual", ImpactNature.Actual, 2, 2, 2, null);
        var ordered = RiskOrder.Sort([potentialRare, potentialLikely, actual], r => r, Rules.Severity);
        Assert.Equal(["actual", "potential, likely", "potential, rare"], ordered.Select(r => r.Title));
    }

    [Fact]
    public void The_severity_rule_is_the_policy_files_irremediability_weighs_double()
    {
        Assert.Equal(1 + 1 + (2 * 4), Rules.Severity.Score(1, 1, 4));
        // An impact that cannot be undone outweighs a wider but remediable one.
        Assert.True(Rules.Severity.Score(1, 1, 4) > Rules.Severity.Score(4, 3, 1));
    }

    [Fact]
    public void Every_missing_rationale_is_reported_together_by_path()
    {
        using var doc = JsonDocument.Parse("""
            {"title":"Doxxing of reporters","rights":["iccpr-19","iccpr-17"],"groups":[{"group":"journalists","country":"KE"}],
             "nature":"potential","involvement":"contribute",
             "inherent":{"scale":{"value":4},"scope":{"value":2,"rationale":"Some hundreds of reporters"},"irremediability":{"value":4,"rationale":""},"likelihood":{"value":2}}}
            """);
        var refused = Assert.Throws<ValidationFailedException>(() => RiskReader.Read(doc.RootElement, Rules));
        Assert.Equal(["inherent.scale.rationale", "inherent.irremediability.rationale", "inherent.likelihood.rationale"], refused.Errors.Select(e => e.Field));
    }

    [Fact]
    public void An_actual_impact_has_no_likelihood_and_a_potential_one_needs_it()
    {
        using var actual = JsonDocument.Parse("""
            {"title":"t","rights":["iccpr-17"],"groups":[{"group":"women","country":"BR"}],"nature":"actual","involvement":"cause",
             "inherent":{"scale":{"value":2,"rationale":"a"},"scope":{"value":2,"rationale":"b"},"irremediability":{"value":2,"rationale":"c"},"likelihood":{"value":3,"rationale":"d"}}}
            """);
        Assert.Equal(["inherent.likelihood"], Assert.Throws<ValidationFailedException>(() => RiskReader.Read(actual.RootElement, Rules)).Errors.Select(e => e.Field));

        using var potential = JsonDocument.Parse("""
            {"title":"t","rights":["not-a-right"],"groups":[{"group":"aliens","country":"BR"}],"nature":"potential","involvement":"cause",
             "inherent":{"scale":{"value":5,"rationale":"a"},"scope":{"value":2,"rationale":"b"},"irremediability":{"value":2,"rationale":"c"}}}
            """);
        var errors = Assert.Throws<ValidationFailedException>(() => RiskReader.Read(potential.RootElement, Rules)).Errors.Select(e => e.Field).ToList();
        Assert.Equal(["rights[0]", "groups[0].group", "inherent.scale.value", "inherent.likelihood"], errors);
    }

    [Fact]
    public void A_mitigation_cannot_be_verified_by_its_owner_and_needs_evidence()
    {
        var owner = Actor.Person("acc-1", "amina@example.org");
        var ownerViaToken = Actor.Person("acc-1", "amina@example.org", viaToken: "tok-9");
        var other = Actor.Person("acc-2", "omar@example.org");
        var claimed = new MitigationState(owner, MitigationStatus.Implemented);
        var verify = new MitigationStatusInput(Guid.NewGuid(), MitigationStatus.Verified, null, ["Audit of 200 cases, March"]);

        Assert.Contains(MitigationRules.Check(claimed, verify, owner), e => e.Message.Contains("owner cannot verify", StringComparison.Ordinal));
        Assert.Contains(MitigationRules.Check(claimed, verify, ownerViaToken), e => e.Message.Contains("owner cannot verify", StringComparison.Ordinal));
        Assert.Empty(MitigationRules.Check(claimed, verify, other));
        Assert.Contains(MitigationRules.Check(claimed, verify with { Evidence = [] }, other), e => e.Field == "evidence");
        Assert.Contains(MitigationRules.Check(claimed, verify, Actor.Machine("t1", "ci")), e => e.Message.Contains("Only a person", StringComparison.Ordinal));
        Assert.Contains(MitigationRules.Check(new MitigationState(owner, MitigationStatus.Proposed), verify, other), e => e.Field == "status");
    }

    [Fact]
    public void A_declined_mitigation_says_why()
    {
        var state = new MitigationState(Actor.Person("acc-1", "amina@example.org"), MitigationStatus.AssessingFeasibility);
        var decline = new MitigationStatusInput(Guid.NewGuid(), MitigationStatus.Declined, null, []);
        Assert.Equal(["reason"], MitigationRules.Check(state, decline, state.Owner).Select(e => e.Field));
        Assert.Empty(MitigationRules.Check(state, decline with { Reason = "Local law forbids it" }, state.Owner));
    }

    [Fact]
    public void A_market_without_a_signed_current_assessment_and_an_overdue_review_are_gaps()
    {
        var today = new DateOnly(2026, 12, 1);
        var signedKe = new GateAssessment(Guid.NewGuid(), "Kenya entry", AssessmentTrigger.MarketEntry, ["KE"], [], DateTimeOffset.UnixEpoch, new DateOnly(2027, 6, 1));
        var staleBr = new GateAssessment(Guid.NewGuid(), "Brazil", AssessmentTrigger.MarketEntry, ["BR"], [], DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 1));
        var launch = new GateAssessment(Guid.NewGuid(), "Live audio", AssessmentTrigger.ProductLaunch, [], ["live audio"], null, new DateOnly(2027, 1, 1));
        var gaps = ImpactGate.Gaps([("BR", new DateOnly(2025, 4, 1)), ("KE", new DateOnly(2026, 2, 1)), ("TZ", null)], [signedKe, staleBr, launch], today);
        Assert.Equal(
            [(GateGapKind.MarketWithoutAssessment, "BR"), (GateGapKind.MarketWithoutAssessment, "TZ"), (GateGapKind.LaunchWithoutAssessment, "live audio"), (GateGapKind.ReviewOverdue, "Brazil")],
            gaps.Select(g => (g.Kind, g.Subject)));
    }

    [Fact]
    public void A_benchmark_is_on_target_in_its_direction()
    {
        Assert.True(new BenchmarkTarget(10, 30, BenchmarkDirection.AtLeast).OnTarget(30));
        Assert.False(new BenchmarkTarget(10, 30, BenchmarkDirection.AtLeast).OnTarget(29.99m));
        Assert.True(new BenchmarkTarget(5, 0, BenchmarkDirection.AtMost).OnTarget(0));
        Assert.False(new BenchmarkTarget(5, 0, BenchmarkDirection.AtMost).OnTarget(1));
        Assert.False(new BenchmarkTarget(10, 5, BenchmarkDirection.AtLeast).Coherent);
    }

    [Fact]
    public void The_shipped_policy_marks_markets_and_carries_the_catalogue()
    {
        Assert.Contains(Repo.Policy.Markets, m => m.Country == "KE" && m.Since == new DateOnly(2026, 2, 1));
        Assert.NotNull(Rules.Right("charter-11"));
        Assert.True(Rules.IsGroup("humanRightsDefenders"));
    }
}
