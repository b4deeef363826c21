namespace RightsDesk.Core.Transparency;

/// <summary>
/// One Art. 23 measure, de-identified: a salted case hash, the kind of misuse, whether the party was an account or a
/// notifier, warning or suspension, where it stands (issued; proposed, confirmed, declined or lifted) and when it was
/// recorded. Never the party, the reasons or the counts behind it.
/// </summary>
public sealed record MisuseFact(string CaseHash, string Kind, string Party, string Measure, string State, DateTimeOffset RecordedAt);

/// <summary>
/// The Art. 23 part of the platform's own report: warnings and suspensions recorded in the period, by kind of misuse,
/// and suspensions by where they stand (only a confirmed or later lifted suspension was ever applied; a declined
/// one never was, and a proposed one is waiting for a second person).
/// </summary>
public static class MisuseReport
{
    public const string Source = "misuse";

    public static readonly IReadOnlyList<string> Kinds = ["illegalContent", "unfoundedNotices", "unfoundedComplaints"];
    public static readonly IReadOnlyList<string> SuspensionStates = ["proposed", "confirmed", "declined", "lifted"];

    public static ReportSection Measures(IReadOnlyList<MisuseFact> all, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        var cases = all.Where(m => period.Contains(m.RecordedAt)).DistinctBy(m => m.CaseHash, StringComparer.Ordinal).ToList();
        var warnings = cases.Where(m => m.Measure == "warning").ToList();
        var suspensions = cases.Where(m => m.Measure == "suspension").ToList();
        var applied = suspensions.Where(m => m.State is "confirmed" or "lifted").ToList();
        var b = new SectionBuilder(Source);
        var warned = b.Total("misuse_totals", "warnings", warnings.Count, "warnings");
        var proposed = b.Total("misuse_totals", "suspensions_proposed", suspensions.Count, "suspensions");
        var confirmed = b.Total("misuse_totals", "suspensions_applied", applied.Count, "suspensions");
        b.Breakdown(warned, "misuse_warnings_by_kind", "kind", warnings, m => m.Kind, _ => 1, "warnings", Kinds);
        b.Breakdown(confirmed, "misuse_suspensions_by_kind", "kind", applied, m => m.Kind, _ => 1, "suspensions", Kinds);
        b.Breakdown(proposed, "misuse_suspensions_by_state", "state", suspensions, m => m.State, _ => 1, "suspensions", SuspensionStates, shares: true);
        return b.Build();
    }
}
