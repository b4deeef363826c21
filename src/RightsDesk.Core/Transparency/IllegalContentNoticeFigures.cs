using RightsDesk.Core.IllegalContentNotices;

namespace RightsDesk.Core.Transparency;

/// <summary>
/// One Art. 16 notice as a report counts it, de-identified: who sent it (a notifier through the public form, the
/// platform's own reporting flow, a trusted flagger), where it stands, whether it was flagged as part of a possible
/// campaign, and the hours from receipt to decision. No content, notifier, text or flagger name.
/// </summary>
/// <param name="Submitter">notifier, trustedFlagger or reportingFlow.</param>
/// <param name="Outcome">decisionTaken, noAction or pending.</param>
public sealed record IllegalContentNoticeFact(
    string CaseHash, DateTimeOffset ReceivedAt, string Submitter, string Outcome, bool PossibleCampaign, double? HoursToDecide);

/// <summary>
/// The notice part of a report (DSA Art. 15(1)(b): notices by submitter, the action taken, the median time to act;
/// Art. 22: trusted flaggers' notices apart): notices received in the period by submitter, outcome and campaign flag,
/// and the median and 90th percentile hours to decide, over all decided notices and per submitter, with n. Counts go
/// through the same small-number protection as every other source.
/// </summary>
public static class IllegalContentNoticeFigures
{
    // "notices" is the user-notice source's name (RDR P12).
    public const string Source = "illegal_content_notices";
    public const string Pending = "pending";
    public const string Flagged = "possibleCampaign";
    public const string NotFlagged = "notFlagged";

    public static readonly IReadOnlyList<string> Outcomes = [.. Words.All<NoticeOutcome>(), Pending];

    public static string OutcomeOf(NoticeOutcome? outcome) => outcome is { } o ? Words.Of(o) : Pending;

    public static ReportSection Compute(IReadOnlyList<IllegalContentNoticeFact> all, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        var notices = all.Where(n => period.Contains(n.ReceivedAt)).DistinctBy(n => n.CaseHash).ToList();
        var b = new SectionBuilder(Source);
        var total = b.Total("illegal_content_notice_totals", "illegal_content_notices", notices.Count, "notices");
        b.Breakdown(total, "illegal_content_notice_by_submitter", "submitter", notices, n => n.Submitter, _ => 1, "notices", Words.All<NoticeSource>(), shares: true);
        b.Breakdown(total, "illegal_content_notice_by_outcome", "outcome", notices, n => n.Outcome, _ => 1, "notices", Outcomes, shares: true);
        b.Breakdown(total, "illegal_content_notice_by_campaign", "campaign", notices, n => n.PossibleCampaign ? Flagged : NotFlagged, _ => 1, "notices", [Flagged, NotFlagged], shares: true);

        var decided = notices.Where(n => n.HoursToDecide is not null).ToList();
        var decidedCount = b.Total("illegal_content_notice_totals", "illegal_content_notices_decided", decided.Count, "notices");
        b.Durations("illegal_content_notice_times", "hours_to_decide", decided.Select(n => n.HoursToDecide!.Value).ToList(), decidedCount);
        foreach (var submitter in Words.All<NoticeSource>())
        {
            var theirs = decided.Where(n => n.Submitter == submitter).ToList();
            var count = b.Total("illegal_content_notice_totals", "illegal_content_notices_decided_" + submitter, theirs.Count, "notices");
            b.Durations("illegal_content_notice_times", "hours_to_decide_" + submitter, theirs.Select(n => n.HoursToDecide!.Value).ToList(), count);
        }

        return b.Build();
    }
}
