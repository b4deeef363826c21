namespace RightsDesk.Core.Transparency;

/// <summary>The figures of one period as they are published, with the dimension columns their tables use.</summary>
public sealed record PublishedReport(string Period, int Threshold, IReadOnlyList<string> Sources, IReadOnlyList<string> Dimensions, IReadOnlyList<PublishedFigure> Figures)
{
    public PublishedFigure? Find(FigureKey key) => Figures.FirstOrDefault(f => f.Key == key);
}

/// <summary>
/// Puts the sources' sections together into what is published: counts through <see cref="SmallNumbers"/> (sums within
/// the period and, against figures already published for the year or the other half, across periods), percentages
/// from the published counts (so a percentage never says more than its count), durations withheld when taken over no
/// more cases than the threshold.
/// </summary>
public static class ReportAssembler
{
    public static PublishedReport Assemble(ReportPeriod period, IReadOnlyList<ReportSection> sections, int threshold,
        IReadOnlyDictionary<Cell, Band>? alreadyPublished = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(sections);
        var label = period.Label;
        var published = alreadyPublished ?? new Dictionary<Cell, Band>();
        var counts = sections.SelectMany(s => s.Counts).ToList();
        var values = counts.ToDictionary(c => new Cell(label, c.Key), c => c.Value);
        var relations = sections.SelectMany(s => s.Relations)
            .Select(r => new CellRelation(new Cell(label, r.Total), r.Parts.Select(p => new Cell(label, p)).ToList()))
            .Concat(AcrossPeriods(period, counts.Select(c => c.Key)))
            .ToList();
        var bands = SmallNumbers.Protect(values, relations, published, threshold);
        var figures = new List<PublishedFigure>();
        foreach (var c in counts)
        {
            var band = bands[new Cell(label, c.Key)];
            figures.Add(new PublishedFigure(c.Key, band.Low, band.High >= Differencing.Unbounded ? null : band.High, c.Unit, band.Exact ? band.Low : null));
        }

        foreach (var group in sections.SelectMany(s => s.Shares).GroupBy(s => (s.Total, s.Key.Table)))
        {
            figures.AddRange(Shares(group.ToList(), k => bands[new Cell(label, k)]));
        }

        foreach (var t in sections.SelectMany(s => s.Times))
        {
            var n = values[new Cell(label, t.Count)];
            var band = bands[new Cell(label, t.Count)];
            var hours = n > threshold && t.Hours is { } h ? (decimal)h : (decimal?)null;
            figures.Add(new PublishedFigure(t.Key, hours, hours, "hours", hours is not null && band.Exact ? n : null));
        }

        var dimensions = sections.SelectMany(s => s.Dimensions).Distinct(StringComparer.Ordinal).ToList();
        return new PublishedReport(label, threshold, sections.Select(s => s.Source).ToList(), dimensions, figures);
    }

    /// <summary>A year is the sum of its halves, for every figure both carry.</summary>
    private static IEnumerable<CellRelation> AcrossPeriods(ReportPeriod period, IEnumerable<FigureKey> keys)
    {
        var year = new ReportPeriod(period.Year, null).Label;
        var h1 = new ReportPeriod(period.Year, 1).Label;
        var h2 = new ReportPeriod(period.Year, 2).Label;
        return keys.Select(k => new CellRelation(new Cell(year, k), [new Cell(h1, k), new Cell(h2, k)]));
    }

    /// <summary>
    /// Percentages of a breakdown, in tenths of a percent. When every count and the total are exact, the shares are
    /// rounded by largest remainder so that they add up to exactly 100; otherwise each share is the band its counts
    /// allow (lowest count over highest total to highest count over lowest total).
    /// </summary>
    private static IEnumerable<PublishedFigure> Shares(List<ShareFigure> shares, Func<FigureKey, Band> band)
    {
        var total = band(shares[0].Total);
        var parts = shares.Select(s => (Share: s, Band: band(s.Part))).ToList();
        if (total.Exact && parts.All(p => p.Band.Exact))
        {
            if (total.Low == 0)
            {
                return parts.Select(p => new PublishedFigure(p.Share.Key, null, null, "percent", 0));
            }

            var exact = parts.Select(p => p.Band.Low * 1000m / total.Low).ToList();
            var tenths = exact.Select(decimal.Floor).ToList();
            var left = 1000 - (int)tenths.Sum();
            foreach (var i in Enumerable.Range(0, exact.Count).OrderByDescending(i => exact[i] - tenths[i]).ThenBy(i => i).Take(left))
            {
                tenths[i]++;
            }

            return parts.Select((p, i) => new PublishedFigure(p.Share.Key, tenths[i] / 10, tenths[i] / 10, "percent", p.Band.Low));
        }

        return parts.Select(p =>
        {
            var low = total.High <= 0 || total.High >= Differencing.Unbounded ? 0 : decimal.Floor(p.Band.Low * 1000m / total.High) / 10;
            var high = total.Low <= 0 || p.Band.High >= Differencing.Unbounded ? 100 : Math.Min(100, decimal.Ceiling(p.Band.High * 1000m / total.Low) / 10);
            return new PublishedFigure(p.Share.Key, low, high, "percent", p.Band.Exact ? p.Band.Low : null);
        });
    }
}
