using RightsDesk.Core.Transparency;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>
/// Tallies (the rollup's rows) count what the records count: one per case however often it is read, one row per month
/// and tuple, and the tables from tallies are the tables from the decisions, half by half and for the year.
/// </summary>
public sealed class ModerationTallyTests
{
    private static ModerationFact Fact(string id, DateTimeOffset at, string state, string source = "SOURCE_VOLUNTARY") =>
        new(id, at, "STATEMENT_CATEGORY_VIOLENCE", null, ModerationFact.GroundIllegal, source, false, "AUTOMATED_DECISION_NOT_AUTOMATED", "Remove", [], null, null, null, state);

    private static readonly DateTimeOffset March = new(2026, 3, 31, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_case_read_twice_counts_once_and_each_month_and_tuple_is_one_tally()
    {
        var facts = new[]
        {
            Fact("a", March, "active"), Fact("a", March, "active"), Fact("b", March.AddMinutes(20), "active"),
            Fact("c", March.AddMinutes(40), "active"), Fact("d", March, "lifted"),
        };

        var tallies = ModerationTally.Of(facts);

        // 23:30 and 23:50 on 31 March, and 00:10 on 1 April (UTC): two months for the active ones, each named by its first day.
        Assert.Equal(
            [("2026-03-01", "active", 2L), ("2026-03-01", "lifted", 1L), ("2026-04-01", "active", 1L)],
            tallies.Select(t => (t.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t.State, t.Count)));
        Assert.All(tallies, t => Assert.StartsWith("tally|" + t.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "|", t.CaseHash, StringComparison.Ordinal));
    }

    [Fact]
    public void Tables_from_tallies_are_the_tables_from_the_decisions_and_a_year_is_its_halves()
    {
        var facts = Enumerable.Range(0, 400)
            .Select(i => Fact("d" + i, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i * 21.7), i % 5 == 0 ? "lifted" : "active", i % 3 == 0 ? "SOURCE_ARTICLE_16" : "SOURCE_VOLUNTARY"))
            .ToList();
        var tallies = ModerationTally.Of(facts);
        foreach (var label in new[] { "2026-H1", "2026-H2", "2026" })
        {
            var period = ReportPeriod.Parse(label);
            Assert.Equal(
                ModerationReport.Decisions(facts, period).Counts.Select(c => (c.Key, c.Value)),
                ModerationReport.Decisions(tallies, period).Counts.Select(c => (c.Key, c.Value)));
        }

        long Total(string label) => ModerationReport.Decisions(tallies, ReportPeriod.Parse(label)).Counts.Single(c => c.Key.Table == "moderation_totals").Value;
        Assert.Equal(400, Total("2026"));
        Assert.Equal(Total("2026"), Total("2026-H1") + Total("2026-H2"));
    }

    [Fact]
    public void Day_tallies_sum_into_their_months_and_month_tallies_stay_as_they_were()
    {
        var t = new ModerationTally(new DateOnly(2026, 3, 3), "STATEMENT_CATEGORY_VIOLENCE", ModerationFact.GroundIllegal, "SOURCE_VOLUNTARY", "AUTOMATED_DECISION_NOT_AUTOMATED", "Remove", "active", 4);
        var days = new[] { t, t with { Day = new DateOnly(2026, 3, 31), Count = 6 }, t with { Day = new DateOnly(2026, 4, 1), Count = 2 }, t with { State = "lifted", Count = 0 } };

        var months = ModerationTally.ByMonth(days);

        Assert.Equal([t with { Day = new DateOnly(2026, 3, 1), Count = 10 }, t with { Day = new DateOnly(2026, 4, 1), Count = 2 }], months);
        Assert.Equal(months, ModerationTally.ByMonth(months));
        var half = ReportPeriod.Parse("2026-H1");
        Assert.Equal(ModerationReport.Decisions(days, half).Counts.Select(c => (c.Key, c.Value)), ModerationReport.Decisions(months, half).Counts.Select(c => (c.Key, c.Value)));
    }
}
