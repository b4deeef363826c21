namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>Sheet 4: actions taken on notices (Art. 16 and trusted flaggers), from the moderation decisions whose
/// source is a notice. RightsDesk records decisions, not the notices themselves, so the columns about notices
/// received, the items they named and the time to act are left empty and say so.</summary>
internal static class DsaNoticesSheet
{
    private const string NotNotices =
        "Not recorded: RightsDesk records the decisions taken on notices (statements of reasons), not the notices themselves, so notices on which no action was taken are not known to it.";

    private const string NoTime =
        "Not recorded: the time a notice arrived is not part of the statement of reasons RightsDesk receives, so no median (in hours) can be computed.";

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
            DsaCell Count(bool onLaw, bool trusted) => DsaCell.Number(here.Count(a => a.OnTheLaw == onLaw && (!trusted || a.TrustedFlagger)));
            rows.Add(
            [
                DsaTemplate.HostingOnly, input.Service, period, code, "",
                DsaCell.Empty, DsaCell.Empty, DsaCell.Empty, DsaCell.Empty, DsaCell.Empty, DsaCell.Empty,
                Count(true, false), Count(true, true), Count(false, false), Count(false, true),
                first ? NotNotices : "", first ? NotNotices : "", first ? NotNotices : "", first ? NotNotices : "",
                first ? NoTime : "", first ? NoTime : "",
                first ? Actions : "", first ? Actions : "", first ? Actions : "", first ? Actions : "",
            ]);
        }

        return new DsaSheet("4_notices", DsaHeaders.Notices, rows);
    }
}
