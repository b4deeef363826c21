namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// Sheet 8: measures taken solely by automated means and not, for all decisions and those at the platform's own
/// initiative, and notices processed solely by automated means and not. The two measure counts of a scope add up to
/// its decisions. The accuracy indicators need what the platform's classifiers got right and wrong, which reaches
/// RightsDesk only as statements of reasons, so they are left empty and say so. The per-language rows are only for
/// VLOPs and are not written.
/// </summary>
internal static class DsaAutomatedSheet
{
    private const string Solely =
        "Moderation decisions whose statement says the decision was fully automated (AUTOMATED_DECISION_FULLY), by date received (UTC).";

    private const string NotSolely =
        "Moderation decisions partly automated or not automated (AUTOMATED_DECISION_PARTIALLY, AUTOMATED_DECISION_NOT_AUTOMATED).";

    private const string NoAccuracy =
        "Not computed: accuracy, precision and recall need the platform's own evaluation of its classifiers, which RightsDesk does not receive.";

    private const string NoNoticeStore =
        "Not recorded: this installation records no Art. 16 notices, so notices and how they were processed are not known to it; the decisions taken on notices are in sheet 4.";

    private const string Notices = "Art. 16 notices received in the period, by whether they were processed solely by automated means.";

    public static DsaSheet Build(DsaReportInput input, string period)
    {
        var rows = new List<IReadOnlyList<DsaCell>>();
        void Row(string applicability, string indicator, string scope, DsaCell value, string context) =>
            rows.Add([applicability, input.Service, period, DsaHeaders.AutomatedSection, indicator, scope, value, context]);

        void Measures(string scope, IReadOnlyList<DsaMeasure> here)
        {
            Row(DsaTemplate.All, DsaHeaders.MeasuresAutomated, scope, DsaCell.Number(here.Count(m => m.DecidedAutomatically)), Solely);
            Row(DsaTemplate.All, DsaHeaders.MeasuresNotAutomated, scope, DsaCell.Number(here.Count(m => !m.DecidedAutomatically)), NotSolely);
            foreach (var a in DsaHeaders.Accuracy)
            {
                Row(DsaTemplate.All, a, scope, DsaCell.Empty, NoAccuracy);
            }
        }

        void NoticeRows(string applicability, string scope, IReadOnlyList<DsaNotice>? here)
        {
            Row(applicability, DsaHeaders.NoticesAutomated, scope, here is null ? DsaCell.Empty : DsaCell.Number(here.Count(n => n.ProcessedAutomatically)), here is null ? NoNoticeStore : Notices);
            Row(applicability, DsaHeaders.NoticesNotAutomated, scope, here is null ? DsaCell.Empty : DsaCell.Number(here.Count(n => !n.ProcessedAutomatically)), here is null ? NoNoticeStore : Notices);
            foreach (var a in DsaHeaders.Accuracy)
            {
                Row(applicability, a, scope, DsaCell.Empty, NoAccuracy);
            }
        }

        Measures(DsaHeaders.TotalNumber, input.Measures);
        Measures(DsaHeaders.ScopeOwnInitiative, [.. input.Measures.Where(m => m.OwnInitiative)]);
        NoticeRows(DsaTemplate.HostingOnly, DsaHeaders.ScopeNoticesTotal, input.Notices);
        NoticeRows(DsaHeaders.PlatformsOnly, DsaHeaders.ScopeNoticesTrustedFlagger, input.Notices is { } all ? [.. all.Where(n => n.TrustedFlagger)] : null);
        return new DsaSheet("8_automated_means", DsaHeaders.AutomatedMeans, rows);
    }
}
