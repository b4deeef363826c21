using RightsDesk.Core.Transparency;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>Trusted partners' flags in the incident figures: by outcome, the upheld share of those decided, the time
/// to handle with n, and how many partners flagged, never which.</summary>
public sealed class PartnerFlagFiguresTests
{
    private static readonly ReportPeriod H1 = new(2026, 1);

    private static PartnerFlagFact Flag(int i, string partner, string? incidentOutcome, double? hours) =>
        new($"flag-{i:D3}", new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i), partner, PartnerFlagFigures.OutcomeOf(incidentOutcome), hours);

    private static PublishedFigure Figure(PublishedReport r, string table, string measure, string dimension = "", string value = "") =>
        r.Find(new FigureKey(table, measure, dimension, value)) ?? throw new InvalidOperationException($"no {table}/{measure}[{dimension}={value}]");

    [Fact]
    public void Forty_flags_from_twelve_partners_publish_the_upheld_share_and_the_time_to_handle()
    {
        // 30 decided (20 upheld: content removed; 10 not: no action), 10 pending; from twelve partners.
        var flags = Enumerable.Range(1, 40)
            .Select(i => Flag(i, "partner-" + (i % 12), i <= 20 ? "contentRemoved" : i <= 30 ? "noActionNeeded" : null, i <= 30 ? (i <= 15 ? 6 : 30) : null))
            .ToList();
        var report = ReportAssembler.Assemble(H1, [PartnerFlagFigures.Compute(flags, H1)], threshold: 9);

        Assert.Equal(40m, Figure(report, "partner_flag_totals", "partner_flags").Low);
        Assert.Equal(12m, Figure(report, "partner_flag_totals", "partners_flagging").Low);
        Assert.Equal(10m, Figure(report, "partner_flag_by_outcome", "partner_flags", "outcome", PartnerFlagFigures.Pending).Low);
        Assert.Equal(20m, Figure(report, "partner_flag_upheld", "partner_flags_decided", "outcome", PartnerFlagFigures.Upheld).Low);
        var share = Figure(report, "partner_flag_upheld", "partner_flags_decided_share", "outcome", PartnerFlagFigures.Upheld);
        Assert.InRange(share.Low!.Value, 66m, 67m);
        var median = Figure(report, "partner_flag_times", "hours_to_handle_median");
        Assert.Equal(6m, median.Low);
        Assert.Equal(30, median.N);
        Assert.Equal(30m, Figure(report, "partner_flag_times", "hours_to_handle_p90").Low);
    }

    [Fact]
    public void Three_partners_are_a_band_not_a_count_and_a_handful_of_flags_withholds_the_time()
    {
        var flags = new[] { Flag(1, "a", "contentRemoved", 2), Flag(2, "b", null, null), Flag(3, "c", "noActionNeeded", 4) };
        var report = ReportAssembler.Assemble(H1, [PartnerFlagFigures.Compute(flags, H1)], threshold: 9);
        Assert.False(Figure(report, "partner_flag_totals", "partners_flagging").Exact);
        Assert.False(Figure(report, "partner_flag_totals", "partner_flags").Exact);
        Assert.True(Figure(report, "partner_flag_times", "hours_to_handle_median").Withheld);
    }

    [Fact]
    public void Every_breakdown_adds_up_to_its_total()
    {
        var flags = Enumerable.Range(1, 25).Select(i => Flag(i, "p" + (i % 4), (i % 3) switch { 0 => null, 1 => "accountSecured", _ => "referredElsewhere" }, i % 3 == 0 ? null : i)).ToList();
        var section = PartnerFlagFigures.Compute([.. flags, .. flags], H1);
        var value = section.Counts.ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal(25, value[new FigureKey("partner_flag_totals", "partner_flags")]);
        Assert.All(section.Relations, r => Assert.Equal(value[r.Total], r.Parts.Sum(p => value[p])));
    }
}
