namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// How a stored Art. 16 notice is counted in the template. The notice form does not ask the notifier for one of the
/// template's categories (the notifier writes what is wrong in their own words), so a notice is placed under the
/// category and keyword of the moderation decision taken on it, which a person chose after reading it; a notice on
/// which no action was taken, one still waiting, and one whose decision rested on the terms and conditions alone
/// (category 15, outside the notices sheet) stay "not specified by the notifier" (category 17). The time to act runs
/// from receipt to the desk's decision and exists only where action was taken.
/// </summary>
public static class DsaNoticeRules
{
    private static readonly HashSet<string> NoticeCategories = [.. DsaCategories.ForNotices.Select(c => c.Code)];

    /// <param name="decision">The moderation decision taken on the notice, when there is one.</param>
    public static DsaNotice Notice(bool trustedFlagger, int items, DateTimeOffset receivedAt, DateTimeOffset? decidedAt, DsaMeasure? decision)
    {
        var (category, keyword) = decision is not null && NoticeCategories.Contains(decision.Category)
            ? (decision.Category, decision.Keyword)
            : (DsaCategories.NotSpecifiedNotice, (string?)null);
        var hours = decision is not null && decidedAt is { } at ? Math.Max(0, (at - receivedAt).TotalHours) : (double?)null;
        return new DsaNotice(category, keyword, trustedFlagger, items, hours, decision is { DecidedAutomatically: true });
    }
}
