namespace RightsDesk.Core.Transparency;

/// <summary>
/// Builds a source's tables so that they reconcile by construction: every breakdown is computed from the same list of
/// cases as its total, each case falls in exactly one row of a breakdown, and the total is one figure that every
/// breakdown of the measure is related to.
/// </summary>
public sealed class SectionBuilder(string source)
{
    private readonly List<CountFigure> _counts = [];
    private readonly List<Relation> _relations = [];
    private readonly List<ShareFigure> _shares = [];
    private readonly List<TimeFigure> _times = [];

    public FigureKey Total(string table, string measure, long value, string unit)
    {
        var key = new FigureKey(table, measure);
        _counts.Add(new CountFigure(key, value, unit));
        return key;
    }

    /// <summary>One row per value of <paramref name="dimension"/>: the listed values always (so a reader sees the zero
    /// rows too), and any other value the cases carry, in order.</summary>
    public void Breakdown<T>(FigureKey total, string table, string dimension, IReadOnlyList<T> cases, Func<T, string> valueOf,
        Func<T, long> measure, string unit, IEnumerable<string>? always = null, bool shares = false)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(cases);
        // Summed in a hash table (one lookup a case), then put in ordinal order once.
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var v in always ?? [])
        {
            sums[v] = 0;
        }

        foreach (var c in cases)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, valueOf(c), out _) += measure(c);
        }

        var parts = new List<FigureKey>();
        foreach (var (value, sum) in sums.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var key = new FigureKey(table, total.Measure, dimension, value);
            _counts.Add(new CountFigure(key, sum, unit));
            parts.Add(key);
            if (shares)
            {
                _shares.Add(new ShareFigure(key with { Measure = total.Measure + "_share" }, key, total));
            }
        }

        _relations.Add(new Relation(total, parts));
    }

    /// <summary>Several measures of the same cases broken down by one dimension in one pass: the figures, relations
    /// and their order are those of <see cref="Breakdown{T}"/> called for each measure in turn, but each case's value
    /// is found and looked up once, not once a measure (a half-year of demands is a hundred thousand cases).</summary>
    public void Breakdowns<T>(string table, string dimension, IReadOnlyList<T> cases, Func<T, string> valueOf,
        IReadOnlyList<(FigureKey Total, Func<T, long> Measure, string Unit)> measures, IEnumerable<string>? always = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(measures);
        var sums = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var v in always ?? [])
        {
            sums[v] = new long[measures.Count];
        }

        foreach (var c in cases)
        {
            ref var row = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, valueOf(c), out _);
            row ??= new long[measures.Count];
            for (var m = 0; m < measures.Count; m++)
            {
                row[m] += measures[m].Measure(c);
            }
        }

        var rows = sums.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        for (var m = 0; m < measures.Count; m++)
        {
            var (total, _, unit) = measures[m];
            var parts = new List<FigureKey>(rows.Count);
            foreach (var (value, sum) in rows)
            {
                var key = new FigureKey(table, total.Measure, dimension, value);
                _counts.Add(new CountFigure(key, sum[m], unit));
                parts.Add(key);
            }

            _relations.Add(new Relation(total, parts));
        }
    }

    /// <summary>The median and 90th percentile (nearest rank) of the durations known, over the count figure
    /// <paramref name="count"/> that says how many there are.</summary>
    public void Durations(string table, string measure, IReadOnlyList<double> hours, FigureKey count)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var sorted = hours.Order().ToArray();
        _times.Add(new TimeFigure(new FigureKey(table, measure + "_median"), Percentile(sorted, 0.5), count));
        _times.Add(new TimeFigure(new FigureKey(table, measure + "_p90"), Percentile(sorted, 0.9), count));
    }

    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 1);
    }

    public ReportSection Build() => new(source, _counts.ToList(), _relations.ToList(), _shares.ToList(), _times.ToList());
}
