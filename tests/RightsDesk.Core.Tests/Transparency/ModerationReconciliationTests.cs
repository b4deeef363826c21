using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Transparency;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>
/// The moderation and appeal tables of the platform's own report reconcile the way the demand tables do: every
/// breakdown of the decisions (ground, category, restriction, source, automation, state) and of the appeals
/// (outcome) adds up to its total, a decision or an appeal read twice counts once, a year is its two halves, and the
/// median hours to decide an appeal is over the decided ones only.
/// </summary>
public sealed class ModerationReconciliationTests
{
    private static readonly ReportPeriod H1 = ReportPeriod.Parse("2026-H1");

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Gen<ModerationFact> Decision =>
        from id in Gen.Choose(1, 40)
        from day in Gen.Choose(0, 364)
        from category in Gen.Elements("STATEMENT_CATEGORY_VIOLENCE", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "STATEMENT_CATEGORY_OTHER_VIOLATION_TC")
        from ground in Gen.Elements(ModerationFact.GroundIllegal, "DECISION_GROUND_INCOMPATIBLE_CONTENT")
        from source in Gen.Elements("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY")
        from automated in Gen.Elements(ModerationFact.FullyAutomated, "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED")
        from rung in Gen.Elements("Label", "Demote", "Remove", "GeoRestrict", "Suspend", "Terminate")
        from state in Gen.Elements("held", "active", "lifted")
        select new ModerationFact("d" + id, Start.AddDays(day), category, null, ground, source, false, automated, rung, [], null, null, null, state);

    private static Gen<AppealFact> Appeal =>
        from id in Gen.Choose(1, 40)
        from day in Gen.Choose(0, 364)
        from hours in Gen.Choose(-1, 400)
        from outcome in Gen.Elements("upheld", "modified", "reversed")
        select new AppealFact("a" + id, "d" + id, Start.AddDays(day), hours < 0 ? null : Start.AddDays(day).AddHours(hours), hours < 0 ? null : outcome);

    // A case hash names one case: the generated sets hold each once, as the store does.
    private static Gen<(List<ModerationFact>, List<AppealFact>)> Cases =>
        from d in Gen.ListOf(Decision)
        from a in Gen.ListOf(Appeal)
        select (d.DistinctBy(x => x.CaseHash).ToList(), a.DistinctBy(x => x.CaseHash).ToList());

    private static IEnumerable<ReportSection> Sections(List<ModerationFact> d, List<AppealFact> a, ReportPeriod p) =>
        [ModerationReport.Decisions(d, p), ModerationReport.Appeals(a, p)];

    [Fact]
    public void Every_total_equals_the_sum_of_every_breakdown_of_it()
    {
        FuzzCheck.Run("moderation reconcile", Cases, 150, c =>
        {
            foreach (var section in Sections(c.Item1, c.Item2, H1))
            {
                var value = section.Counts.ToDictionary(x => x.Key, x => x.Value);
                Assert.NotEmpty(section.Relations);
                foreach (var r in section.Relations)
                {
                    Assert.Equal(value[r.Total], r.Parts.Sum(p => value[p]));
                }
            }
        });
    }

    [Fact]
    public void Each_decision_and_appeal_counts_once_and_a_year_is_its_two_halves()
    {
        FuzzCheck.Run("moderation once", Cases, 100, c =>
        {
            var (d, a) = c;
            var decisions = ModerationReport.Decisions([.. d, .. d], H1).Counts.Single(x => x.Key == new FigureKey("moderation_totals", "decisions"));
            Assert.Equal(d.Where(x => H1.Contains(x.ReceivedAt)).DistinctBy(x => x.CaseHash).Count(), decisions.Value);
            var appeals = ModerationReport.Appeals([.. a, .. a], H1).Counts.Single(x => x.Key == new FigureKey("appeal_totals", "appeals"));
            Assert.Equal(a.Where(x => H1.Contains(x.SubmittedAt)).DistinctBy(x => x.CaseHash).Count(), appeals.Value);

            var year = Sections(d, a, ReportPeriod.Parse("2026")).SelectMany(s => s.Counts).Where(x => x.Key.IsTotal).ToList();
            var h1 = Sections(d, a, H1).SelectMany(s => s.Counts).ToDictionary(x => x.Key, x => x.Value);
            var h2 = Sections(d, a, ReportPeriod.Parse("2026-H2")).SelectMany(s => s.Counts).ToDictionary(x => x.Key, x => x.Value);
            Assert.All(year, x => Assert.Equal(x.Value, h1[x.Key] + h2[x.Key]));
        });
    }

    [Fact]
    public void The_median_time_to_decide_an_appeal_is_over_the_decided_ones()
    {
        var at = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        AppealFact[] appeals = [new("a1", "d1", at, at.AddHours(10), "upheld"), new("a2", "d2", at, at.AddHours(30), "reversed"), new("a3", "d3", at, null, null)];
        var section = ModerationReport.Appeals(appeals, H1);
        var median = section.Times.Single(t => t.Key.Measure == "hours_to_decide_median");
        Assert.Equal(10, median.Hours);
        Assert.Equal(new FigureKey("appeal_totals", "appeals_decided"), median.Count);
        Assert.Equal(2, section.Counts.Single(c => c.Key == median.Count).Value);
        Assert.Equal(1, section.Counts.Single(c => c.Key.Value == "pending").Value);
    }
}
