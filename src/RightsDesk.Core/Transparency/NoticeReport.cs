namespace RightsDesk.Core.Transparency;

/// <summary>
/// The user-notice part of a report (RDR P12, GitHub's notification table): every affected user of a demand received
/// in the period, by where their notice stands: sent before disclosure, after a gag ended, after an emergency, or not
/// sent and why.
/// </summary>
public static class NoticeReport
{
    public const string Source = "notices";

    public static ReportSection Compute(IReadOnlyList<NoticeFact> all, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        var notices = all.Where(n => period.Contains(n.ReceivedAt)).ToList();
        var b = new SectionBuilder(Source);
        var users = b.Total("user_notice_totals", "users", notices.Count, "users");
        b.Breakdown(users, "user_notice_by_situation", "situation", notices, n => Words.Of(n.Situation), _ => 1, "users", Words.All<NoticeSituation>(), shares: true);
        return b.Build();
    }
}
