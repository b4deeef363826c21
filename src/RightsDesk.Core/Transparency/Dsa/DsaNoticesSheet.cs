namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>Sheet 4: actions taken on notices (Art. 16 and trusted flaggers), from the moderation decisions whose
/// source is a notice, and the notices themselves from the notice source. Until a notice store exists the columns
/// about notices received, the items they named and the time to act are left empty and say so.</summary>
internal static class DsaNoticesSheet
{
    private const string NotNotices =
        "Not recorded: RightsDesk records the decisions taken on notices (statements of reasons), not the notices themselves, so notices on which no action was taken are not known to it.";

    private const string NoTime =
        "Not recorded: the time a notice arrived is not part of the statement of reasons RightsDesk receives, so no median (in hours) can be computed.";

    private const string NoticesReceived = "Art. 16 notices received in the period, by date received (UTC), under the category and keyword of the moderation decision taken on them; notices without action, still pending or decided on the terms and conditions alone are under category 17 (the notice form asks for no category).";

    private const string Unit = "Unit: hours, from the notice's receipt to the action taken on it; notices on which no action was taken have no time.";

    private const string Actions =
        "Moderation decisions whose source is an Art. 16 notice or a trusted flagger, by date received (UTC), counted once each under the first keyword of the statement (KEYWORD_OTHER where it names none). Decisions under STATEMENT_CATEGORY_OTHER_VIOLATION_TC concern no illegal content and are outside this sheet.";

    public static DsaSheet Build(DsaReportInput input, string period)
    {
        var rows = new List<IReadOnlyList<DsaCell>>();
        var listed = DsaCategories.ForNotices.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var actions = input.NoticeActions.Where(a => listed.Contains(a.Category)).ToList();
        foreach (var (code, counts) in DsaTemplate.RowsOf(DsaCategories.ForNotices))
        {
            var here = actions.Where(a => counts(a.Category, a.Keyword)).ToList();
            var first = code == DsaTemplate.Total;
            var notices = input.Notices?.Where(n => listed.Contains(n.Category) && counts(n.Category, n.Keyword)).ToList();
            DsaCell Count(bool onLaw, bool trusted) => DsaCell.Number(here.Count(a => a.OnTheLaw == onLaw && (!trusted || a.TrustedFlagger)));
            rows.Add(
            [
                DsaTemplate.HostingOnly, input.Service, period, code, "",
                .. NoticeFigures(notices),
                Count(true, false), Count(true, true), Count(false, false), Count(false, true),
                .. NoticeContext(first, input.Notices is not null),
                first ? Actions : "", first ? Actions : "", first ? Actions : "", first ? Actions : "",
            ]);
        }

        return new DsaSheet("4_notices", DsaHeaders.Notices, rows);
    }

    /// <summary>Notices received, items and median hours to act, all and from trusted flaggers; empty while no
    /// notice store exists.</summary>
    private static DsaCell[] NoticeFigures(List<DsaNotice>? notices)
    {
        if (notices is null)
        {
            return [DsaCell.Empty, DsaCell.Empty, DsaCell.Empty, DsaCell.Empty, DsaCell.Empty, DsaCell.Empty];
        }

        var trusted = notices.Where(n => n.TrustedFlagger).ToList();
        return
        [
            DsaCell.Number(notices.Count), DsaCell.Number(trusted.Count),
            DsaCell.Number(notices.Sum(n => (long)n.Items)), DsaCell.Number(trusted.Sum(n => (long)n.Items)),
            DsaCell.Hours(DsaRules.Median(notices.Select(n => n.HoursToAction).OfType<double>())),
            DsaCell.Hours(DsaRules.Median(trusted.Select(n => n.HoursToAction).OfType<double>())),
        ];
    }

    private static DsaCell[] NoticeContext(bool first, bool recorded)
    {
        if (!first)
        {
            return ["", "", "", "", "", ""];
        }

        return recorded
            ? [NoticesReceived, NoticesReceived, NoticesReceived, NoticesReceived, Unit, Unit]
            : [NotNotices, NotNotices, NotNotices, NotNotices, NoTime, NoTime];
    }
}
