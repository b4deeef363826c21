using RightsDesk.Core.Transparency;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>
/// The one-pass breakdown of several measures is only a faster way to write the same report: on generated case sets
/// it gives the figures, relations and order that one breakdown per measure gives, zero rows for listed values
/// included.
/// </summary>
public sealed class SectionBuilderTests
{
    [Fact]
    public void Breaking_down_several_measures_at_once_gives_the_figures_of_one_breakdown_each()
    {
        FuzzCheck.Run("breakdowns", TransparencyGen.Cases, 150, cases =>
        {
            string[] always = ["ZZ", "AA", "DE"];
            var (one, each) = (new SectionBuilder("demands"), new SectionBuilder("demands"));
            var measures = new (string Measure, Func<DemandFact, long> Of, string Unit)[]
            {
                ("requests", _ => 1, "requests"), ("items_requested", c => c.ItemsRequested, "items"), ("accounts_affected", c => c.AccountsAffected, "accounts"),
            };
            var totals = measures.Select(m => (Total: one.Total("t_totals", m.Measure, cases.Sum(m.Of), m.Unit), m.Of, m.Unit)).ToList();
            one.Breakdowns("t_by_country", "country", cases, c => c.Country, totals, always);
            foreach (var m in measures)
            {
                var total = each.Total("t_totals", m.Measure, cases.Sum(m.Of), m.Unit);
                each.Breakdown(total, "t_by_country", "country", cases, c => c.Country, m.Of, m.Unit, always);
            }

            var (a, b) = (one.Build(), each.Build());
            Assert.Equal(b.Counts.Select(c => (c.Key.ToString(), c.Value, c.Unit)).OrderBy(x => x.Item1, StringComparer.Ordinal),
                a.Counts.Select(c => (c.Key.ToString(), c.Value, c.Unit)).OrderBy(x => x.Item1, StringComparer.Ordinal));
            // The breakdowns' rows come in the same order, each measure's after its own.
            Assert.Equal(b.Counts.Where(c => !c.Key.IsTotal).Select(c => c.Key), a.Counts.Where(c => !c.Key.IsTotal).Select(c => c.Key));
            Assert.Equal(b.Relations.Select(r => (r.Total, string.Join(",", r.Parts))), a.Relations.Select(r => (r.Total, string.Join(",", r.Parts))));
            Assert.All(always, v => Assert.Contains(a.Counts, c => c.Key.Value == v));
        });
    }
}
