using RightsDesk.Core.Transparency;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>The incident part of the transparency report: counts by type, severity and country with small numbers
/// banded, and per severity the median and 90th percentile time to acknowledge and resolve with n and the share within target.</summary>
public sealed class IncidentFiguresTests
{
    private static readonly ReportPeriod H1 = new(2026, 1);
    private static readonly string[] Severities = ["S1", "S2", "S3", "S4"];

    private static IncidentFact Fact(int i, string type, string severity, string country, double? ack, bool? ackIn, double? resolve = null, bool? resolveIn = null) =>
        new($"case-{i:D3}", new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i), type, severity, country, ack, ackIn, resolve, resolveIn);

    private static PublishedReport Publish(IReadOnlyList<IncidentFact> facts) =>
        ReportAssembler.Assemble(H1, [IncidentFigures.Compute(facts, H1, Severities)], threshold: 9);

    private static PublishedFigure Figure(PublishedReport r, string table, string measure, string dimension = "", string value = "") =>
        r.Find(new FigureKey(table, measure, dimension, value)) ?? throw new InvalidOperationException($"no {table}/{measure}[{dimension}={value}]");

    [Fact]
    public void Twenty_s1_incidents_publish_their_times_with_n_and_the_share_within_target()
    {
        // 20 S1 incidents from Türkiye: ten acknowledged after an hour (within the two-hour target), ten after four;
        // ten resolved after two hours, ten after thirty (past the 24-hour target).
        var facts = Enumerable.Range(1, 20)
            .Select(i => Fact(i, "threats", "S1", "TR", ack: i <= 10 ? 1.0 : 4.0, ackIn: i <= 10, resolve: i <= 10 ? 2.0 : 30.0, resolveIn: i <= 10))
            .ToList();
        var report = Publish(facts);

        Assert.Equal(20m, Figure(report, "incident_totals", "incidents").Low);
        Assert.Equal(20m, Figure(report, "incident_by_country", "incidents", "country", "TR").Low);
        var median = Figure(report, "incident_times", "hours_to_acknowledge_s1_median");
        Assert.Equal(1.0m, median.Low);
        Assert.Equal(20, median.N);
        Assert.Equal(4.0m, Figure(report, "incident_times", "hours_to_acknowledge_s1_p90").Low);
        Assert.Equal(2.0m, Figure(report, "incident_times", "hours_to_resolve_s1_median").Low);
        Assert.Equal(30.0m, Figure(report, "incident_times", "hours_to_resolve_s1_p90").Low);
        Assert.Equal(10m, Figure(report, "incident_acknowledged_in_target", "acknowledged_s1", "target", IncidentFigures.Within).Low);
        Assert.Equal(50m, Figure(report, "incident_acknowledged_in_target", "acknowledged_s1_share", "target", IncidentFigures.Within).Low);
        Assert.Equal(50m, Figure(report, "incident_resolved_in_target", "resolved_s1_share", "target", IncidentFigures.Within).Low);
    }

    [Fact]
    public void Four_late_of_twenty_are_banded_and_so_is_what_would_give_them_away()
    {
        var facts = Enumerable.Range(1, 20).Select(i => Fact(i, "threats", "S1", "TR", ack: 1, ackIn: i > 4)).ToList();
        var report = Publish(facts);
        var late = Figure(report, "incident_acknowledged_in_target", "acknowledged_s1", "target", IncidentFigures.Late);
        var within = Figure(report, "incident_acknowledged_in_target", "acknowledged_s1", "target", IncidentFigures.Within);
        var total = Figure(report, "incident_totals", "acknowledged_s1");
        Assert.False(late.Exact);
        // Total minus the within-target count must not give the late count away.
        Assert.False(within.Exact && total.Exact);
    }

    [Fact]
    public void A_country_with_two_reports_is_not_shown_exactly_and_their_times_are_withheld()
    {
        var facts = Enumerable.Range(1, 30).Select(i => Fact(i, "harassment", "S3", "BR", 3, true))
            .Append(Fact(31, "doxxing", "S2", "HK", 1, true))
            .Append(Fact(32, "doxxing", "S2", "HK", 2, true))
            .ToList();
        var report = Publish(facts);

        var hk = Figure(report, "incident_by_country", "incidents", "country", "HK");
        Assert.False(hk.Exact);
        Assert.True(hk.Low <= 2 && hk.High >= 2 && hk.High - hk.Low + 1 >= 9);
        Assert.True(Figure(report, "incident_times", "hours_to_acknowledge_s2_median").Withheld);
        Assert.Equal(3.0m, Figure(report, "incident_times", "hours_to_acknowledge_s3_median").Low);
        // The levels and types no incident had are published as exact zeros, so a reader sees them.
        Assert.Equal(0m, Figure(report, "incident_by_severity", "incidents", "severity", "S4").Low);
        Assert.Equal(0m, Figure(report, "incident_by_type", "incidents", "type", "suspectedSpyware").Low);
    }

    [Fact]
    public void Incidents_outside_the_period_and_unacknowledged_ones_are_not_timed()
    {
        var facts = new List<IncidentFact>
        {
            Fact(1, "threats", "S1", "TR", null, null),
            Fact(2, "threats", "S1", "TR", 1, true) with { ReceivedAt = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero) },
        };
        var section = IncidentFigures.Compute(facts, H1, Severities);
        Assert.Equal(1, section.Counts.Single(c => c.Key == new FigureKey("incident_totals", "incidents")).Value);
        Assert.Equal(0, section.Counts.Single(c => c.Key == new FigureKey("incident_totals", "acknowledged_s1")).Value);
    }
}
