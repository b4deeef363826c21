namespace RightsDesk.Core.Transparency;

/// <summary>
/// One referral to a certified out-of-court body (DSA Art. 21), de-identified: a salted case hash, the decision's hash,
/// whose side referred it, the day referred, and the body's outcome and its day once recorded. Never the body's reasons.
/// </summary>
public sealed record DisputeFact(string CaseHash, string DecisionHash, string Side, DateOnly ReferredOn, DateOnly? DecidedOn, string? Outcome)
{
    /// <summary>The referral's day as the start of that day, UTC: periods are counted by the day referred.</summary>
    public DateTimeOffset ReferredAt => new(ReferredOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Hours from referral to the body's outcome: bodies decide by the day, so a whole number of days.</summary>
    public double? Hours => DecidedOn is { } d ? (d.DayNumber - ReferredOn.DayNumber) * 24.0 : null;
}

/// <summary>
/// The out-of-court part of the platform's own report: disputes referred in the period by outcome (pending while
/// the body has not decided) and by side, and the median and 90th percentile time to the body's outcome over the
/// disputes a body decided (withdrawn and declined ones had no decision on the merits, so they are not timed).
/// </summary>
public static class DisputeReport
{
    public const string Source = "disputes";

    public static readonly IReadOnlyList<string> Outcomes = ["upheld", "partiallyReversed", "reversed", "withdrawn", "declined", "pending"];
    public static readonly IReadOnlyList<string> Sides = ["user", "notifier"];

    public static ReportSection Disputes(IReadOnlyList<DisputeFact> all, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        var cases = all.Where(d => period.Contains(d.ReferredAt)).DistinctBy(d => d.CaseHash, StringComparer.Ordinal).ToList();
        var b = new SectionBuilder(Source);
        var disputes = b.Total("dispute_totals", "disputes", cases.Count, "disputes");
        var decided = cases.Where(c => c.Outcome is "upheld" or "partiallyReversed" or "reversed").ToList();
        var settled = b.Total("dispute_totals", "disputes_decided_by_body", decided.Count, "disputes");
        b.Breakdown(disputes, "dispute_by_outcome", "outcome", cases, c => c.Outcome ?? "pending", _ => 1, "disputes", Outcomes, shares: true);
        b.Breakdown(disputes, "dispute_by_side", "side", cases, c => c.Side, _ => 1, "disputes", Sides);
        b.Durations("dispute_times", "hours_to_outcome", [.. decided.Select(c => c.Hours).OfType<double>()], settled);
        return b.Build();
    }
}
