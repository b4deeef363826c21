using RightsDesk.Core.Partners;

namespace RightsDesk.Core.Transparency;

/// <summary>
/// One trusted partner's flag as a report counts it: the incident's case hash, the partner by a keyed hash of its id
/// (never its name), how it ended (upheld, not upheld, pending) and the hours from the flag to its resolution.
/// </summary>
/// <param name="Outcome">upheld, notUpheld or pending.</param>
public sealed record PartnerFlagFact(string CaseHash, DateTimeOffset ReceivedAt, string PartnerHash, string Outcome, double? HoursToHandle);

/// <summary>
/// The trusted-partner part of the incident figures (US-EU Recommended Actions 8: report on the partner channel):
/// flags received in the period by outcome, the upheld share of those decided, the median and 90th percentile hours
/// to handle with n, and how many partners flagged, counted, never named. A source of its own beside `incidents`, so
/// the incident tables of versions published before it still recompute as they were.
/// </summary>
public static class PartnerFlagFigures
{
    public const string Source = "partner_flags";
    public const string Upheld = "upheld";
    public const string NotUpheld = "notUpheld";
    public const string Pending = "pending";

    public static string OutcomeOf(string? incidentOutcome) =>
        incidentOutcome is null ? Pending : PartnerAccuracy.IsUpheld(incidentOutcome) ? Upheld : NotUpheld;

    public static ReportSection Compute(IReadOnlyList<PartnerFlagFact> all, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        var flags = all.Where(f => period.Contains(f.ReceivedAt)).DistinctBy(f => f.CaseHash).ToList();
        var b = new SectionBuilder(Source);
        var total = b.Total("partner_flag_totals", "partner_flags", flags.Count, "flags");
        b.Total("partner_flag_totals", "partners_flagging", flags.Select(f => f.PartnerHash).Distinct(StringComparer.Ordinal).Count(), "partners");
        b.Breakdown(total, "partner_flag_by_outcome", "outcome", flags, f => f.Outcome, _ => 1, "flags", [Upheld, NotUpheld, Pending], shares: true);

        var decided = flags.Where(f => f.Outcome != Pending).ToList();
        var decidedCount = b.Total("partner_flag_totals", "partner_flags_decided", decided.Count, "flags");
        b.Breakdown(decidedCount, "partner_flag_upheld", "outcome", decided, f => f.Outcome, _ => 1, "flags", [Upheld, NotUpheld], shares: true);

        var handled = flags.Where(f => f.HoursToHandle is not null).ToList();
        var handledCount = b.Total("partner_flag_totals", "partner_flags_handled", handled.Count, "flags");
        b.Durations("partner_flag_times", "hours_to_handle", handled.Select(f => f.HoursToHandle!.Value).ToList(), handledCount);
        return b.Build();
    }
}
