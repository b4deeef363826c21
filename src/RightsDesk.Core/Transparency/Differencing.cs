namespace RightsDesk.Core.Transparency;

/// <summary>
/// What someone holding every published figure can work out: each figure's feasible interval, narrowed by every sum
/// it takes part in (a total minus its other parts, a year minus the other half) until nothing changes. Counts are
/// never negative. This is the attacker <see cref="SmallNumbers"/> defends against.
/// </summary>
public static class Differencing
{
    /// <summary>"No upper bound": far above any count, far below overflow when a few are added.</summary>
    public const long Unbounded = long.MaxValue / 1024;

    public static IReadOnlyDictionary<Cell, Band> Feasible(IReadOnlyDictionary<Cell, Band> published, IReadOnlyList<CellRelation> relations)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(relations);
        var lo = published.ToDictionary(p => p.Key, p => Math.Max(0, p.Value.Low));
        var hi = published.ToDictionary(p => p.Key, p => Math.Min(Unbounded, p.Value.High));
        var usable = relations.Where(r => lo.ContainsKey(r.Total) && r.Parts.All(lo.ContainsKey)).ToList();
        // Bounds only ever tighten and are integers, so this settles; the cap keeps a pathological input bounded.
        for (var pass = 0; pass < 64; pass++)
        {
            var changed = false;
            foreach (var r in usable)
            {
                long sumLo = 0, sumHi = 0;
                foreach (var p in r.Parts)
                {
                    sumLo += lo[p];
                    sumHi = Math.Min(Unbounded, sumHi + hi[p]);
                }

                changed |= Tighten(lo, hi, r.Total, sumLo, sumHi);
                foreach (var p in r.Parts)
                {
                    var othersLo = sumLo - lo[p];
                    var othersHi = sumHi >= Unbounded ? Unbounded : sumHi - hi[p];
                    var newLo = othersHi >= Unbounded ? 0 : lo[r.Total] - othersHi;
                    var newHi = hi[r.Total] >= Unbounded ? Unbounded : hi[r.Total] - othersLo;
                    changed |= Tighten(lo, hi, p, newLo, newHi);
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return lo.ToDictionary(l => l.Key, l => new Band(l.Value, hi[l.Key]));
    }

    private static bool Tighten(Dictionary<Cell, long> lo, Dictionary<Cell, long> hi, Cell c, long low, long high)
    {
        var changed = false;
        if (low > lo[c])
        {
            lo[c] = low;
            changed = true;
        }

        if (high < hi[c])
        {
            hi[c] = high;
            changed = true;
        }

        return changed;
    }
}
