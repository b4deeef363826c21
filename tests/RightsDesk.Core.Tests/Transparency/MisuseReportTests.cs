using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Transparency;
using RightsDesk.Core.Transparency.Dsa;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>
/// The Art. 23 tables reconcile: warnings by kind add up to the warnings, applied suspensions by kind to the applied
/// ones, suspensions by state to those proposed; a measure read twice counts once; a year is its two halves. Sheet 7
/// counts the applied suspensions by kind, and says it has no count only when there is no misuse store.
/// </summary>
public sealed class MisuseReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Gen<MisuseFact> Measure =>
        from id in Gen.Choose(1, 60)
        from hours in Gen.Choose(0, 365 * 24 - 1)
        from kind in Gen.Elements(MisuseReport.Kinds.ToArray())
        from suspension in Gen.Elements(true, false)
        from state in Gen.Elements(MisuseReport.SuspensionStates.ToArray())
        select new MisuseFact("m" + id, kind, kind == "unfoundedNotices" ? "notifier" : "account", suspension ? "suspension" : "warning",
            suspension ? state : "issued", Start.AddHours(hours));

    private static Gen<List<MisuseFact>> Cases => from m in Gen.ListOf(Measure) select m.DistinctBy(x => x.CaseHash).ToList();

    [Fact]
    public void Kinds_and_states_add_up_to_their_totals_and_a_year_is_its_halves()
    {
        FuzzCheck.Run("misuse reconcile", Cases, 150, m =>
        {
            var half = MisuseReport.Measures([.. m, .. m], ReportPeriod.Parse("2026-H1"));
            var value = half.Counts.ToDictionary(x => x.Key, x => x.Value);
            Assert.Equal(3, half.Relations.Count);
            foreach (var r in half.Relations)
            {
                Assert.Equal(value[r.Total], r.Parts.Sum(p => value[p]));
            }

            long Count(string period, string measure) =>
                MisuseReport.Measures(m, ReportPeriod.Parse(period)).Counts.Single(c => c.Key.Table == "misuse_totals" && c.Key.Measure == measure).Value;
            foreach (var measure in new[] { "warnings", "suspensions_proposed", "suspensions_applied" })
            {
                Assert.Equal(Count("2026", measure), Count("2026-H1", measure) + Count("2026-H2", measure));
            }
        });
    }

    [Fact]
    public void Sheet_seven_counts_applied_suspensions_by_kind_when_the_store_is_there()
    {
        static IReadOnlyList<IReadOnlyList<DsaCell>> Rows(DsaArt23? misuse) =>
            DsaTemplate.Build(new DsaReportInput("Example Social Ltd", "Example Social", 2026, 1, new DateOnly(2027, 2, 1), null, [], []) { Misuse = misuse })
                .Single(s => s.Name == "7_appeals_and_recidivism").Rows;
        static string Value(IReadOnlyList<IReadOnlyList<DsaCell>> rows, string indicator, int column) => rows.Single(r => r[4].Text == indicator)[column].Text;

        var counted = Rows(new DsaArt23(2, 3, 1));
        Assert.Equal(("2", "3", "1"), (Value(counted, DsaHeaders.SuspensionsIllegal, 6), Value(counted, DsaHeaders.SuspensionsNotices, 6), Value(counted, DsaHeaders.SuspensionsComplaints, 6)));
        Assert.Contains("after a prior warning", Value(counted, DsaHeaders.SuspensionsNotices, 7), StringComparison.Ordinal);
        var unknown = Rows(null);
        Assert.Equal("", Value(unknown, DsaHeaders.SuspensionsNotices, 6));
        Assert.StartsWith("Not recorded", Value(unknown, DsaHeaders.SuspensionsComplaints, 7), StringComparison.Ordinal);
    }
}
