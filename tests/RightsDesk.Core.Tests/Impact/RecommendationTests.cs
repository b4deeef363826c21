using System.Text.Json;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Impact;

namespace RightsDesk.Core.Tests.Impact;

public sealed class RecommendationTests
{
    private static readonly Guid Assessment = Guid.Parse("0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e");
    private static readonly Guid Rec = Guid.Parse("3c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f");

    [Fact]
    public void The_proposer_cannot_approve_and_a_second_person_can()
    {
        var lead = Actor.Person("u1", "lead@example.org");
        Assert.Contains(RecommendationRules.CanApprove(RecommendationState.Proposed, lead, Actor.Person("u1", "renamed@example.org")), e => e.Field == "approver");
        Assert.Empty(RecommendationRules.CanApprove(RecommendationState.Proposed, lead, Actor.Person("u2", "admin@example.org")));
        Assert.NotEmpty(RecommendationRules.CanApprove(RecommendationState.Recorded, lead, Actor.Person("u2", "admin@example.org")));
    }

    [Fact]
    public void Suspension_becomes_an_override_naming_the_assessment_and_leaving_a_market_clears_the_flag()
    {
        const string profile = """{"country":"KE","market":{"operating":true,"since":"2026-02-01"},"overrides":[]}""";
        var suspend = new RecommendationInput(RecommendationKind.SuspendProcessing, "KE", [DemandKind.UserData], "Sources at risk", [Rec]);
        var edited = JsonDocument.Parse(RecommendationPolicyEdit.Apply(profile, Assessment, Rec, suspend, new DateOnly(2026, 12, 2))).RootElement;
        var o = Assert.Single(edited.GetProperty("overrides").EnumerateArray().ToList());
        Assert.Equal("suspendAll", o.GetProperty("effect").GetString());
        Assert.Equal("userData", o.GetProperty("kinds")[0].GetString());
        Assert.Equal("2026-12-02", o.GetProperty("since").GetString());
        Assert.Contains(Assessment.ToString(), o.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(RecommendationPolicyEdit.OverrideId(Rec), o.GetProperty("id").GetString());

        var leave = new RecommendationInput(RecommendationKind.LeaveMarket, "KE", [], "No safe way to operate", [Rec]);
        var left = JsonDocument.Parse(RecommendationPolicyEdit.Apply(profile, Assessment, Rec, leave, new DateOnly(2026, 12, 2))).RootElement;
        Assert.False(left.GetProperty("market").GetProperty("operating").GetBoolean());
    }

    [Fact]
    public void A_suspension_without_demand_kinds_or_risks_is_refused_by_path()
    {
        var ex = Assert.Throws<ValidationFailedException>(() => RecommendationReader.Read(JsonDocument.Parse("""{"kind":"suspendProcessing","country":"KE","reasons":"r"}""").RootElement));
        Assert.Contains(ex.Errors, e => e.Field == "demandKinds");
        Assert.Contains(ex.Errors, e => e.Field == "risks");
    }
}
