using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Transparency;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>
/// The Art. 16 notice tables reconcile like every other source's: each breakdown (submitter, outcome, campaign flag)
/// adds up to its total, a notice read twice counts once, a year is its two halves, and the decided count under the
/// median is the number of decided notices, over all and per submitter.
/// </summary>
public sealed class IllegalContentNoticeReconciliationTests
{
    private static readonly ReportPeriod H1 = ReportPeriod.Parse("2026-H1");

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Gen<IllegalContentNoticeFact> Notice =>
        from id in Gen.Choose(1, 60)
        from day in Gen.Choose(0, 364)
        from submitter in Gen.Elements("notifier", "trustedFlagger", "reportingFlow")
        from outcome in Gen.Elements("decisionTaken", "noAction", "pending")
        from campaign in Gen.Elements(true, false)
        from hours in Gen.Choose(0, 500)
        select new IllegalContentNoticeFact("n" + id, Start.AddDays(day), submitter, outcome, campaign, outcome == "pending" ? null : hours);

    private static Gen<List<IllegalContentNoticeFact>> Notices =>
        from list in Gen.ListOf(Notice)
        select list.DistinctBy(n => n.CaseHash).ToList();

    [Fact]
    public void Every_total_equals_the_sum_of_every_breakdown_of_it()
    {
        FuzzCheck.Run("notice reconcile", Notices, 150, notices =>
        {
            var section = IllegalContentNoticeFigures.Compute(notices, H1);
            var value = section.Counts.ToDictionary(x => x.Key, x => x.Value);
            Assert.Equal(3, section.Relations.Count);
            foreach (var r in section.Relations)
            {
                Assert.Equal(value[r.Total], r.Parts.Sum(p => value[p]));
            }

            var inPeriod = notices.Where(n => H1.Contains(n.ReceivedAt)).ToList();
            Assert.Equal(inPeriod.Count(n => n.HoursToDecide is not null), value[new FigureKey("illegal_content_notice_totals", "illegal_content_notices_decided")]);
            foreach (var submitter in new[] { "notifier", "trustedFlagger", "reportingFlow" })
            {
                var median = section.Times.Single(t => t.Key.Measure == $"hours_to_decide_{submitter}_median");
                Assert.Equal(inPeriod.Count(n => n.Submitter == submitter && n.HoursToDecide is not null), value[median.Count]);
            }
        });
    }

    [Fact]
    public void Each_notice_counts_once_and_a_year_is_its_two_halves()
    {
        FuzzCheck.Run("notice once", Notices, 100, notices =>
        {
            var twice = IllegalContentNoticeFigures.Compute([.. notices, .. notices], H1).Counts
                .Single(x => x.Key == new FigureKey("illegal_content_notice_totals", "illegal_content_notices"));
            Assert.Equal(notices.Count(n => H1.Contains(n.ReceivedAt)), twice.Value);

            var year = IllegalContentNoticeFigures.Compute(notices, ReportPeriod.Parse("2026")).Counts.Where(x => x.Key.IsTotal).ToList();
            var h1 = IllegalContentNoticeFigures.Compute(notices, H1).Counts.ToDictionary(x => x.Key, x => x.Value);
            var h2 = IllegalContentNoticeFigures.Compute(notices, ReportPeriod.Parse("2026-H2")).Counts.ToDictionary(x => x.Key, x => x.Value);
            Assert.All(year, x => Assert.Equal(x.Value, h1[x.Key] + h2[x.Key]));
        });
    }
}
