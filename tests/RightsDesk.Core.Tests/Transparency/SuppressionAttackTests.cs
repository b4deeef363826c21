using FsCheck.Fluent;
using RightsDesk.Core.Transparency;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>
/// Suppression tested by trying to break it: an attacker of its own (not the one the protection uses) differences
/// every published pair (a total minus the other parts, a year minus a half) until it learns nothing more, and on
/// small tables a brute force tries every assignment the published figures allow. No count from 1 to 9 may be narrowed
/// to fewer than 9 possible values, let alone pinned down.
/// </summary>
public sealed class SuppressionAttackTests
{
    private const int T = SmallNumbers.DefaultThreshold;

    [Fact]
    public void Differencing_a_published_report_recovers_no_small_count()
    {
        FuzzCheck.Run("attack report", TransparencyGen.Cases, 60, cases =>
        {
            var h1 = ReportPeriod.Parse("2026-H1");
            var section = DemandReport.Compute(cases, h1);
            var report = ReportAssembler.Assemble(h1, [section], T);
            var published = report.Figures.Where(f => f.Unit != "percent" && f.Unit != "hours")
                .ToDictionary(f => f.Key, f => (Low: (long)f.Low!.Value, High: f.High is null ? long.MaxValue / 4 : (long)f.High.Value));
            var truth = section.Counts.ToDictionary(c => c.Key, c => c.Value);
            var learned = Attack(published, section.Relations.Select(r => (r.Total, (IReadOnlyList<FigureKey>)r.Parts)).ToList());
            foreach (var (key, value) in truth.Where(t => t.Value is >= 1 and <= T))
            {
                Assert.True(learned[key].High - learned[key].Low + 1 >= T, $"{key} = {value} narrowed to [{learned[key].Low}, {learned[key].High}]");
            }

            foreach (var (key, value) in truth)
            {
                Assert.InRange(value, published[key].Low, published[key].High);
            }
        });
    }

    [Fact]
    public void A_lone_small_cell_beside_an_exact_total_gets_a_complement()
    {
        var period = "2026-H1";
        var total = new Cell(period, new FigureKey("t", "requests"));
        var parts = new[] { 4L, 37, 120 }.Select((v, i) => (Cell: new Cell(period, new FigureKey("t", "requests", "country", "C" + i)), V: v)).ToList();
        var values = parts.ToDictionary(p => p.Cell, p => p.V);
        values[total] = 161;
        var bands = SmallNumbers.Protect(values, [new CellRelation(total, parts.Select(p => p.Cell).ToList())], new Dictionary<Cell, Band>(), T);
        Assert.Equal(new Band(1, 9), bands[parts[0].Cell]);
        Assert.False(bands[total].Exact && bands[parts[1].Cell].Exact && bands[parts[2].Cell].Exact);
        Assert.Empty(SmallNumbers.Exposed(bands, [new CellRelation(total, parts.Select(p => p.Cell).ToList())], T, values));
    }

    [Fact]
    public void Publishing_halves_then_the_year_never_lets_a_half_be_recovered()
    {
        var gen = Gen.ArrayOf(Gen.Choose(0, 15), 4);
        FuzzCheck.Run("attack periods", gen, 40, v =>
        {
            var (h1, h2, year) = ("2026-H1", "2026-H2", "2026");
            Cell C(string p, string part) => new(p, new FigureKey("t", "requests", part.Length == 0 ? "" : "country", part));
            List<CellRelation> Within(string p) => [new CellRelation(C(p, ""), [C(p, "A"), C(p, "B")])];
            var across = new[] { "", "A", "B" }.Select(part => new CellRelation(C(year, part), [C(h1, part), C(h2, part)])).ToList();
            Dictionary<Cell, long> Values(string p, long a, long b) => new() { [C(p, "A")] = a, [C(p, "B")] = b, [C(p, "")] = a + b };
            var published = new Dictionary<Cell, Band>();
            foreach (var (p, a, b) in new[] { (h1, (long)v[0], (long)v[1]), (h2, v[2], v[3]), (year, v[0] + v[2], v[1] + v[3]) })
            {
                var relations = Within(h1).Concat(Within(h2)).Concat(Within(year)).Concat(across).ToList();
                foreach (var (cell, band) in SmallNumbers.Protect(Values(p, a, b), relations, published, T))
                {
                    published[cell] = band;
                }
            }

            var truth = new Dictionary<Cell, long>(Values(h1, v[0], v[1]).Concat(Values(h2, v[2], v[3])).Concat(Values(year, v[0] + v[2], v[1] + v[3])));
            var possible = BruteForce(published, C, h1, h2, year);
            foreach (var (cell, value) in truth.Where(t => t.Value is >= 1 and <= T))
            {
                Assert.True(possible[cell].Count >= T,
                    $"{cell} = {value}: only {string.Join(",", possible[cell].Order())} remain possible; published {string.Join("; ", published.Select(p => $"{p.Key}=[{p.Value.Low},{p.Value.High}]"))}");
            }
        });
    }

    /// <summary>Every assignment of the four half-year cells the published bands allow (capped at 40 each, which can
    /// only make the attacker look stronger), and which values each cell takes in them.</summary>
    private static Dictionary<Cell, HashSet<long>> BruteForce(Dictionary<Cell, Band> bands, Func<string, string, Cell> c, string h1, string h2, string year)
    {
        bool In(Cell cell, long v) => v >= bands[cell].Low && v <= bands[cell].High;
        List<(long A, long B)> Halves(string p) =>
            (from a in Enumerable.Range(0, 41) from b in Enumerable.Range(0, 41)
             where In(c(p, "A"), a) && In(c(p, "B"), b) && In(c(p, ""), a + b) select ((long)a, (long)b)).ToList();
        var possible = bands.Keys.ToDictionary(k => k, _ => new HashSet<long>());
        foreach (var (a1, b1) in Halves(h1))
        {
            foreach (var (a2, b2) in Halves(h2))
            {
                if (!In(c(year, "A"), a1 + a2) || !In(c(year, "B"), b1 + b2) || !In(c(year, ""), a1 + a2 + b1 + b2))
                {
                    continue;
                }

                foreach (var (cell, v) in new[] { (c(h1, "A"), a1), (c(h1, "B"), b1), (c(h1, ""), a1 + b1), (c(h2, "A"), a2), (c(h2, "B"), b2), (c(h2, ""), a2 + b2), (c(year, "A"), a1 + a2), (c(year, "B"), b1 + b2), (c(year, ""), a1 + a2 + b1 + b2) })
                {
                    possible[cell].Add(v);
                }
            }
        }

        return possible;
    }

    /// <summary>The test's own attacker: for every sum, each member is the total minus the others, in bounds;
    /// repeated until no bound moves.</summary>
    private static Dictionary<FigureKey, (long Low, long High)> Attack(Dictionary<FigureKey, (long Low, long High)> published, List<(FigureKey Total, IReadOnlyList<FigureKey> Parts)> sums)
    {
        var k = new Dictionary<FigureKey, (long Low, long High)>(published);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (total, parts) in sums)
            {
                var members = parts.Select(p => (Key: p, Sign: -1)).Append((Key: total, Sign: 1)).ToList();
                foreach (var (key, _) in members)
                {
                    (long Low, long High) bound = key == total
                        ? (parts.Sum(p => k[p].Low), Math.Min(long.MaxValue / 4, parts.Sum(p => Math.Min(k[p].High, long.MaxValue / 64))))
                        : (k[total].Low - parts.Where(p => p != key).Sum(p => Math.Min(k[p].High, long.MaxValue / 64)), k[total].High - parts.Where(p => p != key).Sum(p => k[p].Low));
                    var next = (Math.Max(k[key].Low, bound.Low), Math.Min(k[key].High, bound.High));
                    if (next != k[key])
                    {
                        k[key] = next;
                        changed = true;
                    }
                }
            }
        }

        return k;
    }
}
