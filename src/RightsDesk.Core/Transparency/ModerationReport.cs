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
        return Decisions(ModerationTally.Of(all.Where(f => period.Contains(f.ReceivedAt))), period);
    }

    /// <summary>The same tables from tallies (the rollup's rows, or decisions counted into them): one code path for
    /// both, so a report from the rollup and a recount from the records can only differ where their counts do.</summary>
    public static ReportSection Decisions(IReadOnlyList<ModerationTally> all, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        var tallies = all.Where(t => period.Contains(new DateTimeOffset(t.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) && t.Count != 0).ToList();
        var b = new SectionBuilder(DecisionSource);
        var decisions = b.Total("moderation_totals", "decisions", tallies.Sum(t => t.Count), "decisions");
        b.Breakdown(decisions, "moderation_by_ground", "ground", tallies, c => c.Ground == ModerationFact.GroundIllegal ? "illegal" : "termsAndConditions", c => c.Count, "decisions", Grounds, shares: true);
        b.Breakdown(decisions, "moderation_by_category", "category", tallies, c => c.Category, c => c.Count, "decisions");
        b.Breakdown(decisions, "moderation_by_restriction", "restriction", tallies, c => Camel(c.Rung), c => c.Count, "decisions", Rungs, shares: true);
        b.Breakdown(decisions, "moderation_by_source", "source", tallies, c => SourceOf(c.Source), c => c.Count, "decisions", Sources, shares: true);
        b.Breakdown(decisions, "moderation_by_automation", "automation", tallies, c => AutomationOf(c.AutomatedDecision), c => c.Count, "decisions", Automation, shares: true);
        b.Breakdown(decisions, "moderation_by_state", "state", tallies, c => c.State, c => c.Count, "decisions", States);
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
