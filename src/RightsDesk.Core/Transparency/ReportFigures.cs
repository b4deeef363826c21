namespace RightsDesk.Core.Transparency;

/// <summary>
/// Names one figure of a report: its table, its measure and at most one dimension with its value (the tables are
/// one-way breakdowns of a total, so a figure is never a cross-tabulation whose cells could be combined to single out
/// a case). A table's total has no dimension and lives in the source's totals table, once: every breakdown of that
/// measure reconciles with the same figure.
/// </summary>
public sealed record FigureKey(string Table, string Measure, string Dimension = "", string Value = "")
{
    public bool IsTotal => Dimension.Length == 0;

    public override string ToString() => Dimension.Length == 0 ? $"{Table}/{Measure}" : $"{Table}/{Measure}[{Dimension}={Value}]";
}

/// <summary>An exact count as computed from the stored cases, before small numbers are banded.</summary>
public sealed record CountFigure(FigureKey Key, long Value, string Unit);

/// <summary>The total equals the sum of its parts: a reconciliation a reader can check, and a sum an attacker can
/// difference.</summary>
public sealed record Relation(FigureKey Total, IReadOnlyList<FigureKey> Parts);

/// <summary>A percentage shown beside its count: the share of <see cref="Part"/> in <see cref="Total"/>.</summary>
public sealed record ShareFigure(FigureKey Key, FigureKey Part, FigureKey Total);

/// <summary>Median or 90th percentile of a duration in hours; <see cref="Count"/> is the count figure of the cases
/// it is taken over, so that its n is published (and banded) like every other count.</summary>
public sealed record TimeFigure(FigureKey Key, double? Hours, FigureKey Count);

/// <summary>What one source (demands, user notices, moderation, incidents) contributes to a report.</summary>
public sealed record ReportSection(
    string Source,
    IReadOnlyList<CountFigure> Counts,
    IReadOnlyList<Relation> Relations,
    IReadOnlyList<ShareFigure> Shares,
    IReadOnlyList<TimeFigure> Times)
{
    /// <summary>The dimension columns this section's tables use, in the order they are written.</summary>
    public IEnumerable<string> Dimensions =>
        Counts.Select(c => c.Key.Dimension).Concat(Times.Select(t => t.Key.Dimension)).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// A figure as published: exact when <see cref="Low"/> equals <see cref="High"/>; a band otherwise; withheld (both
/// null) for a duration taken over too few cases. <see cref="N"/> is the count a percentage or duration rests on,
/// when that count is published exactly.
/// </summary>
public sealed record PublishedFigure(FigureKey Key, decimal? Low, decimal? High, string Unit, long? N)
{
    public bool Exact => Low is not null && Low == High;

    public bool Withheld => Low is null;
}
