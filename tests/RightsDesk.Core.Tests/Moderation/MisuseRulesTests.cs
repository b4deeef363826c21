using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.Moderation;

/// <summary>DSA Art. 23: who is proposed, no suspension without a prior warning for the same misuse by the same party,
/// an end date required and capped by policy, and the "art23" block of the shipped policy read and checked.</summary>
public sealed class MisuseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 10);
    private static readonly Art23Policy Policy = new(WindowDays: 180, MinimumItems: 5, MinimumSharePercent: 50, WarningValidDays: 365, MaxSuspensionDays: 90);

    private static PriorWarning[] Warned(MisuseKind kind = MisuseKind.UnfoundedNotices, string party = "notifier-a", int daysAgo = 30) =>
        [new(kind, party, Now.AddDays(-daysAgo))];

    [Fact]
    public void A_party_is_proposed_only_over_both_the_count_and_the_share()
    {
        Assert.True(MisuseRules.IsCandidate(new MisuseFacts(5, 10), Policy));
        Assert.False(MisuseRules.IsCandidate(new MisuseFacts(4, 4), Policy));
        Assert.False(MisuseRules.IsCandidate(new MisuseFacts(20, 41), Policy));
        Assert.True(MisuseRules.IsCandidate(new MisuseFacts(20, 40), Policy));
        Assert.False(MisuseRules.IsCandidate(new MisuseFacts(0, 0), Policy));
        Assert.Equal(48, new MisuseFacts(20, 41).SharePercent);
    }

    [Fact]
    public void No_suspension_without_a_prior_warning_to_the_same_party_for_the_same_misuse()
    {
        var until = Today.AddDays(30);
        Assert.Contains("prior warning", MisuseRules.RefuseSuspension(MisuseKind.UnfoundedNotices, "notifier-a", [], Now, until, Policy), StringComparison.Ordinal);
        Assert.NotNull(MisuseRules.RefuseSuspension(MisuseKind.UnfoundedNotices, "notifier-a", Warned(party: "notifier-b"), Now, until, Policy));
        Assert.NotNull(MisuseRules.RefuseSuspension(MisuseKind.UnfoundedNotices, "notifier-a", Warned(kind: MisuseKind.UnfoundedComplaints), Now, until, Policy));
        Assert.NotNull(MisuseRules.RefuseSuspension(MisuseKind.UnfoundedNotices, "notifier-a", Warned(daysAgo: 366), Now, until, Policy));
        Assert.Null(MisuseRules.RefuseSuspension(MisuseKind.UnfoundedNotices, "notifier-a", Warned(), Now, until, Policy));
    }

    [Fact]
    public void A_warning_given_after_now_is_not_a_prior_warning()
    {
        PriorWarning[] later = [new(MisuseKind.IllegalContent, "acct", Now.AddMinutes(5))];
        Assert.Null(MisuseRules.StandingWarning(MisuseKind.IllegalContent, "acct", later, Now, Policy));
    }

    [Fact]
    public void The_newest_standing_warning_is_the_one_a_suspension_rests_on()
    {
        PriorWarning[] both = [new(MisuseKind.IllegalContent, "acct", Now.AddDays(-200)), new(MisuseKind.IllegalContent, "acct", Now.AddDays(-3))];
        Assert.Equal(Now.AddDays(-3), MisuseRules.StandingWarning(MisuseKind.IllegalContent, "acct", both, Now, Policy)?.IssuedAt);
    }

    [Fact]
    public void A_suspension_needs_an_end_date_after_today_within_the_policy_maximum()
    {
        Assert.Contains("end date", MisuseRules.RefuseSuspension(MisuseKind.IllegalContent, "notifier-a", Warned(MisuseKind.IllegalContent), Now, null, Policy), StringComparison.Ordinal);
        Assert.NotNull(MisuseRules.RefuseSuspension(MisuseKind.IllegalContent, "notifier-a", Warned(MisuseKind.IllegalContent), Now, Today, Policy));
        Assert.Contains("90 days", MisuseRules.RefuseSuspension(MisuseKind.IllegalContent, "notifier-a", Warned(MisuseKind.IllegalContent), Now, Today.AddDays(91), Policy), StringComparison.Ordinal);
        Assert.Null(MisuseRules.RefuseSuspension(MisuseKind.IllegalContent, "notifier-a", Warned(MisuseKind.IllegalContent), Now, Today.AddDays(90), Policy));
    }

    [Fact]
    public void A_suspension_is_in_force_through_its_last_day_unless_lifted()
    {
        var until = Today.AddDays(10);
        Assert.True(MisuseRules.InForce(until, null, until));
        Assert.False(MisuseRules.InForce(until, null, until.AddDays(1)));
        Assert.False(MisuseRules.InForce(until, Today.AddDays(2), Today.AddDays(2)));
        Assert.True(MisuseRules.InForce(until, Today.AddDays(2), Today.AddDays(1)));
    }

    [Fact]
    public void The_shipped_policy_carries_the_art23_block_and_bad_values_are_refused()
    {
        var shipped = Repo.Policy.Moderation!.Misuse;
        Assert.Equal(5, shipped.MinimumItems);
        Assert.Equal(90, shipped.MaxSuspensionDays);
        Assert.Throws<RightsDesk.Core.Policy.PolicyException>(() => new Art23Policy(MaxSuspensionDays: 0).Validate());
        Assert.Throws<RightsDesk.Core.Policy.PolicyException>(() => new Art23Policy(MinimumItems: 1).Validate());
        Assert.Throws<RightsDesk.Core.Policy.PolicyException>(() => new Art23Policy(MinimumSharePercent: 101).Validate());
        var e = Assert.Throws<RightsDesk.Core.Policy.PolicyException>(() => Repo.LoadPolicy(Repo.PolicyDir, (rel, text) =>
            rel == "moderation.json" ? text.Replace("\"maxSuspensionDays\": 90", "\"maxSuspensionDays\": 9000", StringComparison.Ordinal) : text));
        Assert.Contains("maxSuspensionDays", e.Message, StringComparison.Ordinal);
    }
}
