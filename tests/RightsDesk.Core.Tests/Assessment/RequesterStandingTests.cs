using System.Text.Json.Nodes;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.Assessment;

/// <summary>
/// Worked scenarios for the requester's standing: the same shipped demand, assessed once for each thing the authority
/// portal can know about who sent it. The portal's record, not the demand's own claim, decides the authenticity finding.
/// </summary>
public class RequesterStandingTests
{
    private static readonly DateOnly Since = new(2026, 1, 12);

    /// <summary>Example 01: a valid US search warrant that, with nothing else known, is disclosed.</summary>
    private static Demand Warrant(bool claimsVerified = true, Channel channel = Channel.Portal)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.PolicyDir, "examples", "01-us-search-warrant.demand.json")))!;
        node["authority"]!["verified"] = claimsVerified;
        node["channel"] = JsonNames.Of(channel);
        return DemandReader.Read(node.ToJsonString());
    }

    private static AssessmentResult Assess(Demand demand, RequesterStanding standing) => new RightsAssessor(Repo.Policy).Assess(demand, null, standing);

    private static Finding Authenticity(AssessmentResult r, FindingOutcome outcome) =>
        Assert.Single(r.Findings, f => f.Check == "authenticity" && f.Outcome == outcome);

    [Fact]
    public void A_verified_portal_account_passes_authenticity_and_the_warrant_is_disclosed()
    {
        var result = Assess(Warrant(), new RequesterStanding(RequesterStatus.VerifiedPortal, Since));

        Assert.Equal(Recommendation.Disclose, result.Recommendation);
        var pass = Authenticity(result, FindingOutcome.Pass);
        Assert.Contains("verified on 2026-01-12", pass.Reason, StringComparison.Ordinal);
        Assert.Contains("independently found number", pass.Reason, StringComparison.Ordinal);
        Assert.Contains("LERS", pass.Standard, StringComparison.Ordinal);
        Assert.False(result.Escalation.Required);
    }

    [Fact]
    public void A_verified_portal_account_stands_for_the_identity_even_when_the_demand_does_not_claim_it()
    {
        var result = Assess(Warrant(claimsVerified: false), new RequesterStanding(RequesterStatus.VerifiedPortal, Since));

        Assert.Equal(Recommendation.Disclose, result.Recommendation);
        Assert.DoesNotContain(result.Findings, f => f.Check == "authenticity" && f.Outcome != FindingOutcome.Pass);
    }

    [Fact]
    public void A_requester_flagged_for_a_forgery_must_be_verified_again_whatever_the_demand_claims()
    {
        var result = Assess(Warrant(), new RequesterStanding(RequesterStatus.FlaggedForged, Since));

        Assert.Equal(Recommendation.VerifyRequester, result.Recommendation);
        Assert.Empty(result.AllowedDataCategories);
        var fail = Authenticity(result, FindingOutcome.Fail);
        Assert.Contains("found forged (flagged on 2026-01-12)", fail.Reason, StringComparison.Ordinal);
        Assert.Contains("FBI PIN 2024-11-04", fail.Standard, StringComparison.Ordinal);
        // The account's own verification is void, so no pass finding stands beside the failure.
        Assert.DoesNotContain(result.Findings, f => f.Check == "authenticity" && f.Outcome == FindingOutcome.Pass);
        Assert.Contains("forged", result.RecommendationReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requester_flagged_for_abusive_demands_goes_to_the_human_rights_lead_with_more_approvers()
    {
        var result = Assess(Warrant(), new RequesterStanding(RequesterStatus.FlaggedAbusive, Since));

        Assert.Equal(Recommendation.Disclose, result.Recommendation);
        Assert.True(result.Escalation.Required);
        Assert.Equal("humanRightsLead", result.Escalation.To);
        Assert.Contains("flagged for abusive demands", result.Escalation.Reason, StringComparison.Ordinal);
        Assert.Equal(Repo.Policy.Operator.Approvals.Escalated, result.RequiredApprovals);
        var concern = Authenticity(result, FindingOutcome.Concern);
        Assert.Contains("found abusive", concern.Reason, StringComparison.Ordinal);
        Assert.Contains("Guiding Principles", concern.Standard, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suspended_or_pending_portal_account_needs_verification()
    {
        var result = Assess(Warrant(), new RequesterStanding(RequesterStatus.UnverifiedPortal));

        Assert.Equal(Recommendation.VerifyRequester, result.Recommendation);
        Assert.Contains("not verified", Authenticity(result, FindingOutcome.Concern).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_portal_record_an_unverified_channel_needs_verification()
    {
        var unverifiedEmail = Assess(Warrant(claimsVerified: false, channel: Channel.Email), RequesterStanding.Unknown);
        Assert.Equal(Recommendation.VerifyRequester, unverifiedEmail.Recommendation);
        Assert.Contains("by e-mail are verified out of band", Authenticity(unverifiedEmail, FindingOutcome.Concern).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_demand_claiming_verification_counts_only_with_a_recorded_call_back()
    {
        // The sender's own "verified" flag, with nothing recorded on the desk, is not a verification.
        var claimed = Assess(Warrant(channel: Channel.Email), RequesterStanding.Unknown);
        Assert.Equal(Recommendation.VerifyRequester, claimed.Recommendation);
        Assert.Contains("no call-back is recorded on the desk", Authenticity(claimed, FindingOutcome.Concern).Reason, StringComparison.Ordinal);

        var calledBack = Assess(Warrant(channel: Channel.Email), new RequesterStanding(RequesterStatus.VerifiedCallBack, new DateOnly(2026, 3, 2)));
        Assert.Equal(Recommendation.Disclose, calledBack.Recommendation);
        Assert.Contains("called the authority back on an independently found number", Authenticity(calledBack, FindingOutcome.Pass).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_offline_assessment_takes_the_file_as_given()
    {
        var asGiven = new RightsAssessor(Repo.Policy).Assess(Warrant(channel: Channel.Email));
        Assert.Equal(Recommendation.Disclose, asGiven.Recommendation);
        Assert.Contains("confirmed out of band", asGiven.Findings.Single(f => f.Check == "authenticity" && f.Outcome == FindingOutcome.Pass).Reason, StringComparison.Ordinal);
    }
}
