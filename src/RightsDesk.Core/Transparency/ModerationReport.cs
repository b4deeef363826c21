namespace RightsDesk.Core.Transparency;

/// <summary>
/// The moderation part of the platform's own report: decisions received in the period by ground, category,
/// restriction (the ladder's rung: each decision's most restrictive measure, so each falls in exactly one row),
/// source, automation and where the measure stands; and appeals submitted in the period by outcome, with the
/// median and 90th percentile hours to decide. Computed from de-identified records alone.
/// </summary>
public static class ModerationReport
{
    public const string DecisionSource = "moderation";
    public const string AppealSource = "appeals";

    public static readonly IReadOnlyList<string> Grounds = ["illegal", "termsAndConditions"];
    public static readonly IReadOnlyList<string> Sources = ["article16", "trustedFlagger", "otherNotification", "voluntary"];
    public static readonly IReadOnlyList<string> Automation = ["fully", "partially", "not"];
    public static readonly IReadOnlyList<string> Rungs = ["label", "demote", "restrictInteraction", "ageRestrict", "geoRestrict", "remove", "suspend", "terminate"];
    public static readonly IReadOnlyList<string> States = ["held", "active", "lifted"];
    public static readonly IReadOnlyList<string> Outcomes = ["upheld", "modified", "reversed", "pending"];

    public static ReportSection Decisions(IReadOnlyList<ModerationFact> all, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        var cases = all.Where(f => period.Contains(f.ReceivedAt)).DistinctBy(f => f.CaseHash, StringComparer.Ordinal).ToList();
        var b = new SectionBuilder(DecisionSource);
        var decisions = b.Total("moderation_totals", "decisions", cases.Count, "decisions");
        b.Breakdown(decisions, "moderation_by_ground", "ground", cases, c => c.Ground == ModerationFact.GroundIllegal ? "illegal" : "termsAndConditions", _ => 1, "decisions", Grounds, shares: true);
        b.Breakdown(decisions, "moderation_by_category", "category", cases, c => c.Category, _ => 1, "decisions");
        b.Breakdown(decisions, "moderation_by_restriction", "restriction", cases, c => Camel(c.Rung), _ => 1, "decisions", Rungs, shares: true);
        b.Breakdown(decisions, "moderation_by_source", "source", cases, c => SourceOf(c.Source), _ => 1, "decisions", Sources, shares: true);
        b.Breakdown(decisions, "moderation_by_automation", "automation", cases, c => AutomationOf(c.AutomatedDecision), _ => 1, "decisions", Automation, shares: true);
        b.Breakdown(decisions, "moderation_by_state", "state", cases, c => c.State, _ => 1, "decisions", States);
        return b.Build();
    }

    public static ReportSection Appeals(IReadOnlyList<AppealFact> all, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        var cases = all.Where(a => period.Contains(a.SubmittedAt)).DistinctBy(a => a.CaseHash, StringComparer.Ordinal).ToList();
        var b = new SectionBuilder(AppealSource);
        var appeals = b.Total("appeal_totals", "appeals", cases.Count, "appeals");
        var decided = b.Total("appeal_totals", "appeals_decided", cases.Count(c => c.Outcome is not null), "appeals");
        b.Breakdown(appeals, "appeal_by_outcome", "outcome", cases, c => c.Outcome ?? "pending", _ => 1, "appeals", Outcomes, shares: true);
        b.Durations("appeal_times", "hours_to_decide", [.. cases.Select(c => c.Hours).OfType<double>()], decided);
        return b.Build();
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string SourceOf(string source) => source switch
    {
        "SOURCE_ARTICLE_16" => "article16",
        "SOURCE_TRUSTED_FLAGGER" => "trustedFlagger",
        "SOURCE_VOLUNTARY" => "voluntary",
        _ => "otherNotification",
    };

    private static string AutomationOf(string automated) => automated switch
    {
        "AUTOMATED_DECISION_FULLY" => "fully",
        "AUTOMATED_DECISION_PARTIALLY" => "partially",
        _ => "not",
    };
}
