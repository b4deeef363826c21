namespace RightsDesk.Core.Transparency;

/// <summary>One figure of one period: the unit small-number protection works on, since a figure can be differenced
/// against the same figure of the year or of the other half.</summary>
public sealed record Cell(string Period, FigureKey Key)
{
    public override string ToString() => $"{Period}:{Key}";
}

public sealed record Band(long Low, long High)
{
    public bool Exact => Low == High;

    public bool Covers(long low, long high) => Low <= low && High >= high;
}

/// <summary>A sum over cells, possibly across periods (a year is its two halves).</summary>
public sealed record CellRelation(Cell Total, IReadOnlyList<Cell> Parts);

/// <summary>
/// Small numbers in the platform's own report: zero is published exactly; a count from 1 to the threshold is shown as
/// the band [1, threshold]; and complementary suppression widens other figures (a total, a sibling, the same figure
/// of another period) onto a grid of bands until no attacker who knows every published figure and every sum they
/// obey can exclude any value from 1 to the threshold for a protected cell. The attacker is interval propagation over
/// the sums (<see cref="Differencing"/>), which subsumes differencing any pair of published figures.
/// Figures already published (an earlier half, an earlier version) are constraints that are never changed.
/// </summary>
public static class SmallNumbers
{
    public const int DefaultThreshold = 9;

    /// <summary>Widening levels: 0 is the figure itself (or [1, threshold]); level k is a band of width
    /// (threshold + 1) · 10^(k-1). Beyond the last the figure says only "at least 0".</summary>
    private const int MaxLevel = 7;

    public static IReadOnlyDictionary<Cell, Band> Protect(
        IReadOnlyDictionary<Cell, long> values,
        IReadOnlyList<CellRelation> relations,
        IReadOnlyDictionary<Cell, Band> published,
        int threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        if (threshold == 0)
        {
            return values.ToDictionary(v => v.Key, v => new Band(v.Value, v.Value));
        }

        var level = values.Keys.ToDictionary(c => c, _ => 0);
        var byCell = new Dictionary<Cell, List<CellRelation>>();
        foreach (var r in relations)
        {
            foreach (var c in r.Parts.Append(r.Total))
            {
                (byCell.TryGetValue(c, out var list) ? list : byCell[c] = []).Add(r);
            }
        }

        // Each round widens one figure by one level, so the loop ends after at most (figures × levels) rounds.
        for (var round = 0; round <= values.Count * (MaxLevel + 1); round++)
        {
            var bands = Bands(values, level, published, threshold);
            var exposed = Exposed(bands, relations, threshold, values).FirstOrDefault();
            if (exposed is null)
            {
                return bands.Where(b => values.ContainsKey(b.Key)).ToDictionary(b => b.Key, b => b.Value);
            }

            var widen = Complement(exposed, byCell, level, values);
            if (widen is null)
            {
                // Nothing left to widen: every figure near it is already published or at its widest.
                return bands.Where(b => values.ContainsKey(b.Key)).ToDictionary(b => b.Key, b => b.Value);
            }

            level[widen]++;
        }

        throw new InvalidOperationException("Small-number protection did not settle.");
    }

    /// <summary>
    /// The figure to widen for an exposed cell: the nearest one along the sums (a sibling or total first, then the
    /// figures those take part in), least widened first, a total before a part, the smallest count before a larger
    /// one (it costs the reader least). The exposed cell itself is widened only when nothing near it can be.
    /// </summary>
    private static Cell? Complement(Cell exposed, Dictionary<Cell, List<CellRelation>> byCell, Dictionary<Cell, int> level, IReadOnlyDictionary<Cell, long> values)
    {
        bool Widenable(Cell c) => level.TryGetValue(c, out var l) && l < MaxLevel && values[c] != 0;
        var seen = new HashSet<Cell> { exposed };
        var frontier = new List<Cell> { exposed };
        while (frontier.Count > 0)
        {
            var next = frontier.SelectMany(c => byCell.TryGetValue(c, out var rs) ? rs : [])
                .SelectMany(r => r.Parts.Append(r.Total))
                .Where(seen.Add)
                .ToList();
            var pick = next.Where(Widenable)
                .OrderBy(c => level[c])
                .ThenBy(c => byCell[c].Any(r => r.Total == c) ? 0 : 1)
                .ThenBy(c => values[c])
                .ThenBy(c => c.ToString(), StringComparer.Ordinal)
                .FirstOrDefault();
            if (pick is not null)
            {
                return pick;
            }

            frontier = next;
        }

        return Widenable(exposed) ? exposed : null;
    }

    /// <summary>The protected cells an attacker can narrow: a new figure from 1 to the threshold (or, when the true
    /// values are not given, a published band reaching into that range) whose feasible interval holds fewer than
    /// threshold values. (A total of two small cells is at least 2 whatever is published; what must stay unknown is
    /// which of the threshold-many values it is.)</summary>
    public static IEnumerable<Cell> Exposed(
        IReadOnlyDictionary<Cell, Band> bands, IReadOnlyList<CellRelation> relations, int threshold,
        IReadOnlyDictionary<Cell, long>? values = null)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var feasible = Differencing.Feasible(bands, relations);
        foreach (var (cell, band) in bands)
        {
            var isProtected = values is not null && values.TryGetValue(cell, out var v)
                ? v >= 1 && v <= threshold
                : !band.Exact && band.Low <= threshold && band.High >= 1;
            if (isProtected && feasible[cell].High - feasible[cell].Low + 1 < threshold)
            {
                yield return cell;
            }
        }
    }

    private static Dictionary<Cell, Band> Bands(IReadOnlyDictionary<Cell, long> values, Dictionary<Cell, int> level, IReadOnlyDictionary<Cell, Band> published, int threshold)
    {
        var bands = new Dictionary<Cell, Band>(published);
        foreach (var (cell, value) in values)
        {
            bands[cell] = BandOf(value, level[cell], threshold);
        }

        return bands;
    }

    public static Band BandOf(long value, int level, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return new Band(0, 0);
        }

        if (level == 0)
        {
            return value >= 1 && value <= threshold ? new Band(1, threshold) : new Band(value, value);
        }

        if (level >= MaxLevel)
        {
            return new Band(1, Differencing.Unbounded);
        }

        var width = (threshold + 1L) * (long)Math.Pow(10, level - 1);
        var low = value / width * width;
        // Zero is always published exactly, so a band never needs to include it.
        return new Band(Math.Max(1, low), low + width - 1);
    }
}
