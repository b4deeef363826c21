using RightsDesk.Core.Transparency.Dsa;

namespace RightsDesk.Core.Tests.Transparency.Dsa;

/// <summary>Where a stored notice is counted: under the decision taken on it, otherwise "not specified by the
/// notifier", with a time to act only where action was taken.</summary>
public sealed class DsaNoticeRulesTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static DsaMeasure Decision(string category, string? keyword, bool automated) =>
        new(category, keyword, false, DsaMeasure.TrustedFlagger, false, automated, ["DECISION_VISIBILITY_CONTENT_REMOVED"], null, null, null);

    [Fact]
    public void A_notice_acted_on_takes_the_decisions_category_and_the_hours_until_the_desk_decided()
    {
        var n = DsaNoticeRules.Notice(true, 2, Received, Received.AddHours(30), Decision("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_HATE_SPEECH", automated: true));
        Assert.Equal(new DsaNotice("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_HATE_SPEECH", true, 2, 30, true), n);
    }

    [Fact]
    public void A_notice_without_action_or_acted_on_under_the_terms_alone_is_not_specified_by_the_notifier()
    {
        Assert.Equal(new DsaNotice(DsaCategories.NotSpecifiedNotice, null, false, 1, null, false), DsaNoticeRules.Notice(false, 1, Received, Received.AddHours(5), null));
        var terms = DsaNoticeRules.Notice(false, 1, Received, Received.AddHours(5), Decision(DsaCategories.OtherViolationTc, "KEYWORD_NUDITY", automated: false));
        Assert.Equal((DsaCategories.NotSpecifiedNotice, (string?)null, 5.0), (terms.Category, terms.Keyword, terms.HoursToAction!.Value));
    }
}
