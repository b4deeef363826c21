using RightsDesk.Core.Transparency;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>The Art. 16 notice part of the platform's report: notices by submitter, outcome and campaign flag, with
/// small numbers banded, and the median and 90th percentile hours to decide with n, over all and per submitter.</summary>
public sealed class IllegalContentNoticeFiguresTests
{
    private static readonly ReportPeriod H1 = new(2026, 1);

    private static IllegalContentNoticeFact Fact(int i, string submitter, string outcome, double? hours, bool campaign = false) =>
        new($"notice-{i:D3}", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i), submitter, outcome, campaign, hours);

    private static PublishedReport Publish(IReadOnlyList<IllegalContentNoticeFact> facts) =>
        ReportAssembler.Assemble(H1, [IllegalContentNoticeFigures.Compute(facts, H1)], threshold: 9);

    private static PublishedFigure Figure(PublishedReport r, string table, string measure, string dimension = "", string value = "") =>
        r.Find(new FigureKey(table, measure, dimension, value)) ?? throw new InvalidOperationException($"no {table}/{measure}[{dimension}={value}]");

    [Fact]
    public void Forty_notices_are_counted_by_submitter_and_outcome_and_their_decision_times_published_with_n()
    {
        // 20 from notifiers (decided in 10 h, then 50 h), 20 from trusted flaggers (decided in 2 h), ten still pending.
        var facts = Enumerable.Range(1, 20).Select(i => Fact(i, "notifier", i <= 10 ? "decisionTaken" : "noAction", i <= 10 ? 10 : 50, campaign: i <= 12))
            .Concat(Enumerable.Range(21, 20).Select(i => Fact(i, "trustedFlagger", i <= 30 ? "decisionTaken" : "pending", i <= 30 ? 2 : null)))
            .ToList();
        var report = Publish(facts);

        Assert.Equal(40m, Figure(report, "illegal_content_notice_totals", "illegal_content_notices").Low);
        Assert.Equal(20m, Figure(report, "illegal_content_notice_by_submitter", "illegal_content_notices", "submitter", "trustedFlagger").Low);
        Assert.Equal(20m, Figure(report, "illegal_content_notice_by_outcome", "illegal_content_notices", "outcome", "decisionTaken").Low);
        Assert.Equal(10m, Figure(report, "illegal_content_notice_by_outcome", "illegal_content_notices", "outcome", "pending").Low);
        Assert.Equal(12m, Figure(report, "illegal_content_notice_by_campaign", "illegal_content_notices", "campaign", IllegalContentNoticeFigures.Flagged).Low);
        // The submitters and outcomes no notice had are published as exact zeros.
        Assert.Equal(0m, Figure(report, "illegal_content_notice_by_submitter", "illegal_content_notices", "submitter", "reportingFlow").Low);

        var median = Figure(report, "illegal_content_notice_times", "hours_to_decide_median");
        Assert.Equal(10m, median.Low);
        Assert.Equal(30, median.N);
        Assert.Equal(50m, Figure(report, "illegal_content_notice_times", "hours_to_decide_p90").Low);
        var flaggers = Figure(report, "illegal_content_notice_times", "hours_to_decide_trustedFlagger_median");
        Assert.Equal(2m, flaggers.Low);
        Assert.Equal(10, flaggers.N);
    }

    [Fact]
    public void A_handful_from_the_reporting_flow_is_banded_and_its_times_withheld()
    {
        var facts = Enumerable.Range(1, 30).Select(i => Fact(i, "notifier", "noAction", 5))
            .Append(Fact(31, "reportingFlow", "decisionTaken", 1))
            .Append(Fact(32, "reportingFlow", "decisionTaken", 3))
            .ToList();
        var report = Publish(facts);
        var flow = Figure(report, "illegal_content_notice_by_submitter", "illegal_content_notices", "submitter", "reportingFlow");
        Assert.False(flow.Exact);
        Assert.True(flow.Low <= 2 && flow.High >= 2);
        Assert.True(Figure(report, "illegal_content_notice_times", "hours_to_decide_reportingFlow_median").Withheld);
        Assert.Equal(5m, Figure(report, "illegal_content_notice_times", "hours_to_decide_notifier_median").Low);
    }

    [Fact]
    public void Notices_received_outside_the_period_are_not_counted()
    {
        var facts = new[] { Fact(1, "notifier", "pending", null), Fact(2, "notifier", "noAction", 4) with { ReceivedAt = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero) } };
        var section = IllegalContentNoticeFigures.Compute(facts, H1);
        Assert.Equal(1, section.Counts.Single(c => c.Key == new FigureKey("illegal_content_notice_totals", "illegal_content_notices")).Value);
        Assert.Equal(0, section.Counts.Single(c => c.Key == new FigureKey("illegal_content_notice_totals", "illegal_content_notices_decided")).Value);
    }
}
