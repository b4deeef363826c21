using RightsDesk.Core.Appeals;
using RightsDesk.Core.Disputes;

namespace RightsDesk.Core.Tests.Disputes;

/// <summary>The Art. 21 referral rules a desk user meets: a certified body in an EU Member State, days that run
/// forward, no referral while the appeal is under review, and only a reversal lifts.</summary>
public sealed class DisputeRulesTests
{
    private static readonly DateOnly Applied = new(2026, 3, 2);
    private static readonly DateOnly Today = new(2026, 4, 1);

    [Fact]
    public void A_referral_names_a_body_certified_in_a_member_state_on_a_day_after_the_decision()
    {
        Assert.Empty(DisputeRules.CheckReferral("Appeals Centre Europe", "IE", Applied, Applied, Today));
        var errors = DisputeRules.CheckReferral(" ", "GB", Applied.AddDays(-1), Applied, Today).Select(e => e.Field).ToList();
        Assert.Equal(["bodyName", "bodyMemberState", "referredOn"], errors);
        Assert.Equal("referredOn", Assert.Single(DisputeRules.CheckReferral("ADROIT", "MT", Today.AddDays(1), Applied, Today)).Field);
    }

    [Fact]
    public void No_referral_while_the_appeal_is_under_review_and_only_a_reversal_lifts()
    {
        Assert.NotNull(DisputeRules.WhyNotReferable(AppealState.Open));
        Assert.NotNull(DisputeRules.WhyNotReferable(AppealState.Assigned));
        Assert.Null(DisputeRules.WhyNotReferable(AppealState.Decided));
        Assert.Null(DisputeRules.WhyNotReferable(null));
        Assert.Equal([DisputeOutcome.Reversed], Enum.GetValues<DisputeOutcome>().Where(DisputeRules.LiftsRestriction));
    }

    [Fact]
    public void The_outcome_needs_reasons_and_a_day_between_the_referral_and_today()
    {
        Assert.Empty(DisputeRules.CheckOutcome("The body restored the post as satire.", Today, Applied, Today));
        Assert.Equal(["reasons", "decidedOn"], DisputeRules.CheckOutcome("short", Applied.AddDays(-1), Applied, Today).Select(e => e.Field));
        Assert.Equal(30, DisputeRules.Days(Applied, Applied.AddDays(30)));
    }
}
