using RightsDesk.Core.Demands;
using RightsDesk.Core.Transparency;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>
/// The errors published reports are known for, tried on generated case sets: a category total that no longer equals
/// its sub-categories, a case counted twice, percentages that add up to 98 or 102, a year that is not its halves.
/// </summary>
public sealed class ReconciliationTests
{
    private static readonly ReportPeriod H1 = ReportPeriod.Parse("2026-H1");

    [Fact]
    public void Every_total_equals_the_sum_of_every_breakdown_of_it()
    {
        FuzzCheck.Run("reconcile", TransparencyGen.Cases, 150, cases =>
        {
            var section = DemandReport.Compute(cases, H1);
            var value = section.Counts.ToDictionary(c => c.Key, c => c.Value);
            Assert.NotEmpty(section.Relations);
            foreach (var r in section.Relations)
            {
                Assert.Equal(value[r.Total], r.Parts.Sum(p => value[p]));
                Assert.Equal(r.Parts.Count, r.Parts.Distinct().Count());
            }
        });
    }

    [Fact]
    public void Each_case_is_counted_once_however_often_it_is_read()
    {
        FuzzCheck.Run("count once", TransparencyGen.Cases, 150, cases =>
        {
            var section = DemandReport.Compute(cases, H1);
            var distinct = cases.Where(c => H1.Contains(c.ReceivedAt)).DistinctBy(c => c.CaseHash).ToList();
            Assert.Equal(distinct.Count(c => c.Kind == DemandKind.UserData), Count(section, "user_data_totals", "requests"));
            Assert.Equal(distinct.Count(c => c.Kind == DemandKind.Preservation), Count(section, "preservation_totals", "requests"));
            Assert.Equal(distinct.Count(c => c.Kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction), Count(section, "restriction_totals", "requests"));
            Assert.Equal(distinct.Where(c => c.Kind == DemandKind.UserData).Sum(c => c.AccountsAffected), Count(section, "user_data_totals", "accounts_affected"));
        });
    }

    [Fact]
    public void A_year_is_its_two_halves()
    {
        FuzzCheck.Run("year = halves", TransparencyGen.Cases, 100, cases =>
        {
            var year = DemandReport.Compute(cases, ReportPeriod.Parse("2026")).Counts.ToDictionary(c => c.Key, c => c.Value);
            var h1 = DemandReport.Compute(cases, H1).Counts.ToDictionary(c => c.Key, c => c.Value);
            var h2 = DemandReport.Compute(cases, ReportPeriod.Parse("2026-H2")).Counts.ToDictionary(c => c.Key, c => c.Value);
            foreach (var (key, v) in year.Where(k => k.Key.IsTotal))
            {
                Assert.Equal(v, h1[key] + h2[key]);
            }
        });
    }

    [Fact]
    public void Exact_percentages_add_up_to_exactly_100_and_carry_their_count()
    {
        FuzzCheck.Run("shares", TransparencyGen.Cases, 100, cases =>
        {
            var report = ReportAssembler.Assemble(H1, [DemandReport.Compute(cases, H1)], threshold: 0);
            foreach (var table in report.Figures.Where(f => f.Unit == "percent").GroupBy(f => (f.Key.Table, f.Key.Measure)))
            {
                if (table.All(f => f.Exact))
                {
                    Assert.Equal(100m, table.Sum(f => f.Low!.Value));
                }

                Assert.All(table, f => Assert.True(f.N is not null || !f.Exact, $"{f.Key} has no count beside it"));
            }
        });
    }

    [Fact]
    public void Cases_belong_to_the_half_they_were_received_in_UTC()
    {
        var last = Fact(new DateTimeOffset(2026, 7, 1, 1, 59, 0, TimeSpan.FromHours(2)));
        var first = Fact(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, Count(DemandReport.Compute([last with { CaseHash = "a" }, first], H1), "user_data_totals", "requests"));
        Assert.Equal(1, Count(DemandReport.Compute([last with { CaseHash = "a" }, first], ReportPeriod.Parse("2026-H2")), "user_data_totals", "requests"));
        Assert.Equal(2, Count(DemandReport.Compute([last with { CaseHash = "a" }, first], ReportPeriod.Parse("2026")), "user_data_totals", "requests"));
    }

    [Theory]
    [InlineData("2026", "2026-01-01", "2027-01-01")]
    [InlineData("2026-H1", "2026-01-01", "2026-07-01")]
    [InlineData("2026-H2", "2026-07-01", "2027-01-01")]
    public void Periods_are_years_and_halves(string text, string start, string end)
    {
        var p = ReportPeriod.Parse(text);
        Assert.Equal(text, p.Label);
        Assert.Equal(DateTimeOffset.Parse(start + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), p.Start);
        Assert.Equal(DateTimeOffset.Parse(end + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), p.End);
    }

    [Theory]
    [InlineData("2026-H3")]
    [InlineData("2026-h1")]
    [InlineData("26")]
    [InlineData("2026-Q1")]
    [InlineData("")]
    public void Other_period_shapes_are_refused(string text) => Assert.False(ReportPeriod.TryParse(text, out _));

    [Fact]
    public void Medians_and_90th_percentiles_are_nearest_rank_and_withheld_over_few_cases()
    {
        var cases = Enumerable.Range(1, 20).Select(i => Fact(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)) with { CaseHash = "c" + i, HoursToDecide = i }).ToList();
        var report = ReportAssembler.Assemble(H1, [DemandReport.Compute(cases, H1)], SmallNumbers.DefaultThreshold);
        Assert.Equal(10m, report.Find(new FigureKey("user_data_times", "hours_to_decide_median"))!.Low);
        Assert.Equal(18m, report.Find(new FigureKey("user_data_times", "hours_to_decide_p90"))!.Low);
        Assert.Equal(20, report.Find(new FigureKey("user_data_times", "hours_to_decide_median"))!.N);
        var few = ReportAssembler.Assemble(H1, [DemandReport.Compute(cases.Take(9).ToList(), H1)], SmallNumbers.DefaultThreshold);
        Assert.True(few.Find(new FigureKey("user_data_times", "hours_to_decide_median"))!.Withheld);
    }

    private static long Count(ReportSection s, string table, string measure) => s.Counts.Single(c => c.Key == new FigureKey(table, measure)).Value;

    private static DemandFact Fact(DateTimeOffset at) => new()
    {
        CaseHash = "b", Kind = DemandKind.UserData, ReceivedAt = at, Country = "DE", AuthorityType = AuthorityType.LawEnforcement,
        LegalProcess = LegalProcess.CourtOrder, Outcome = ReportOutcome.AllData,
    };
}
