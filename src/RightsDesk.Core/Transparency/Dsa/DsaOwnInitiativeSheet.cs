namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// Sheets 5 and 6: measures taken at the provider's own initiative (decisions whose source is SOURCE_VOLUNTARY),
/// sheet 5 those resting on the law (categories 1-14), sheet 6 those resting on the terms and conditions (categories
/// 1-15). Each decision is counted once in the first two columns, under its first keyword, so keywords add up to
/// their category; a decision imposing several restrictions counts once in each restriction's column, so the
/// restriction columns can add up to more than the measures.
/// </summary>
internal static class DsaOwnInitiativeSheet
{
    private const string Measures =
        "Moderation decisions whose source is SOURCE_VOLUNTARY (the platform's own initiative), by date received (UTC), each counted once under the first keyword of its statement of reasons (KEYWORD_OTHER where it names none).";

    private const string Detected =
        "Of those, the decisions whose statement says the content was detected by automated means (automatedDetection: Yes).";

    private const string Restrictions =
        "Decisions imposing this restriction (the statement's decisionVisibility, decisionMonetary, decisionProvision or decisionAccount); a decision imposing several is counted under each.";

    // The Transparency Database's values for each restriction column, in the header's order.
    private static readonly Func<DsaMeasure, bool>[] Columns =
    [
        m => m.Visibility.Contains("DECISION_VISIBILITY_CONTENT_REMOVED"),
        m => m.Visibility.Contains("DECISION_VISIBILITY_CONTENT_DISABLED"),
        m => m.Visibility.Contains("DECISION_VISIBILITY_CONTENT_DEMOTED"),
        m => m.Visibility.Contains("DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED"),
        m => m.Visibility.Contains("DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED"),
        m => m.Visibility.Contains("DECISION_VISIBILITY_CONTENT_LABELLED"),
        m => m.Visibility.Contains("DECISION_VISIBILITY_OTHER"),
        m => m.Monetary == "DECISION_MONETARY_SUSPENSION",
        m => m.Monetary == "DECISION_MONETARY_TERMINATION",
        m => m.Monetary == "DECISION_MONETARY_OTHER",
        m => m.Provision is "DECISION_PROVISION_PARTIAL_SUSPENSION" or "DECISION_PROVISION_TOTAL_SUSPENSION",
        m => m.Provision is "DECISION_PROVISION_PARTIAL_TERMINATION" or "DECISION_PROVISION_TOTAL_TERMINATION",
        m => m.Account == "DECISION_ACCOUNT_SUSPENDED",
        m => m.Account == "DECISION_ACCOUNT_TERMINATED",
    ];

    public static DsaSheet Illegal(DsaReportInput input, string period) =>
        Build("5_own_initiative_illegal", DsaHeaders.OwnInitiativeIllegal, DsaTemplate.All, DsaCategories.Illegal,
            input.Measures.Where(m => m.OwnInitiative && m.OnTheLaw), input.Service, period);

    public static DsaSheet TermsAndConditions(DsaReportInput input, string period) =>
        Build("6_own_initiative_TC", DsaHeaders.OwnInitiativeTc, DsaTemplate.All, DsaCategories.TermsAndConditions,
            input.Measures.Where(m => m.OwnInitiative && !m.OnTheLaw), input.Service, period);

    private static DsaSheet Build(string name, IReadOnlyList<string> header, string applicability, IEnumerable<DsaCategory> categories, IEnumerable<DsaMeasure> measures, string service, string period)
    {
        var listed = categories.ToList();
        var codes = listed.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var counted = measures.Where(m => codes.Contains(m.Category)).ToList();
        var rows = new List<IReadOnlyList<DsaCell>>();
        foreach (var (code, counts) in DsaTemplate.RowsOf(listed))
        {
            var here = counted.Where(m => counts(m.Category, m.Keyword)).ToList();
            var first = code == DsaTemplate.Total;
            var row = new List<DsaCell> { applicability, service, period, code, "", DsaCell.Number(here.Count), DsaCell.Number(here.Count(m => m.DetectedAutomatically)) };
            row.AddRange(Columns.Select(c => DsaCell.Number(here.Count(c))));
            row.Add(first ? Measures : "");
            row.Add(first ? Detected : "");
            row.AddRange(Columns.Select(_ => (DsaCell)(first ? Restrictions : "")));
            rows.Add(row);
        }

        return new DsaSheet(name, header, rows);
    }
}
