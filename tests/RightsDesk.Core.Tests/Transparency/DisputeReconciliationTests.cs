using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Transparency;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>
/// The out-of-court dispute tables reconcile like the appeal tables: the outcomes and the sides each add up to the
/// disputes referred, a dispute read twice counts once, a year is its two halves, and the time to the body's decision
/// is over the disputes a body decided on the merits (not the withdrawn, declined or pending ones).
/// </summary>
public sealed class DisputeReconciliationTests
{
    private static readonly ReportPeriod H1 = ReportPeriod.Parse("2026-H1");

    private static readonly DateOnly Start = new(2026, 1, 1);

    private static Gen<DisputeFact> Dispute =>
        from id in Gen.Choose(1, 40)
        from day in Gen.Choose(0, 364)
        from days in Gen.Choose(-1, 90)
        from side in Gen.Elements("user", "notifier")
        from outcome in Gen.Elements("upheld", "partiallyReversed", "reversed", "withdrawn", "declined")
        select new DisputeFact("x" + id, "d" + id, side, Start.AddDays(day), days < 0 ? null : Start.AddDays(day + days), days < 0 ? null : outcome);

    private static Gen<List<DisputeFact>> Cases => from d in Gen.ListOf(Dispute) select d.DistinctBy(x => x.CaseHash).ToList();

    [Fact]
    public void Outcomes_and_sides_each_add_up_to_the_disputes_and_a_year_is_its_halves()
    {
        FuzzCheck.Run("dispute reconcile", Cases, 150, d =>
        {
            var section = DisputeReport.Disputes([.. d, .. d], H1);
            var value = section.Counts.ToDictionary(x => x.Key, x => x.Value);
            Assert.Equal(2, section.Relations.Count);
            foreach (var r in section.Relations)
            {
                Assert.Equal(value[r.Total], r.Parts.Sum(p => value[p]));
            }

            Assert.Equal(d.Count(x => H1.Contains(x.ReferredAt)), value[new FigureKey("dispute_totals", "disputes")]);
            var year = DisputeReport.Disputes(d, ReportPeriod.Parse("2026")).Counts.Where(x => x.Key.IsTotal).ToList();
            var h1 = DisputeReport.Disputes(d, H1).Counts.ToDictionary(x => x.Key, x => x.Value);
            var h2 = DisputeReport.Disputes(d, ReportPeriod.Parse("2026-H2")).Counts.ToDictionary(x => x.Key, x => x.Value);
            Assert.All(year, x => Assert.Equal(x.Value, h1[x.Key] + h2[x.Key]));
        });
    }

    [Fact]
    public void The_time_to_the_body_s_decision_is_over_decisions_on_the_merits()
    {
        var day = new DateOnly(2026, 2, 1);
        DisputeFact[] disputes =
        [
            new("x1", "d1", "user", day, day.AddDays(10), "upheld"), new("x2", "d2", "user", day, day.AddDays(30), "reversed"),
            new("x3", "d3", "user", day, day.AddDays(2), "withdrawn"), new("x4", "d4", "notifier", day, null, null),
        ];
        var section = DisputeReport.Disputes(disputes, H1);
        var median = section.Times.Single(t => t.Key.Measure == "hours_to_outcome_median");
        Assert.Equal(240, median.Hours);
        Assert.Equal(2, section.Counts.Single(c => c.Key == median.Count).Value);
        Assert.Equal(1, section.Counts.Single(c => c.Key.Table == "dispute_by_outcome" && c.Key.Value == "pending").Value);
        Assert.Equal(1, section.Counts.Single(c => c.Key.Table == "dispute_by_side" && c.Key.Value == "notifier").Value);
    }
}
