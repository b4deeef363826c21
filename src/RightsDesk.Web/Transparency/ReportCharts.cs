using System.Text.RegularExpressions;
using RightsDesk.Core.Transparency;

namespace RightsDesk.Web.Transparency;

/// <summary>
/// Bar charts of a report's breakdowns, drawn on the server by ScottPlot as SVG so the public page needs no script.
/// A band is drawn as a solid bar to its lower end and a pale bar from there to its upper end: a hidden count is
/// never drawn as if it were known.
/// </summary>
public static partial class ReportCharts
{
    /// <param name="label">A bar's label beside it, in the page's language; null for the files' word.</param>
    public static string? Bars(PublishedReport report, string table, string measure, string title, Func<FigureKey, string?> label)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Figures.Where(f => f.Key.Table == table && f.Key.Measure == measure && !f.Key.IsTotal && f.Low is not null).ToList();
        if (rows.Count == 0 || rows.All(r => r.High == 0))
        {
            return null;
        }

        var plot = new ScottPlot.Plot();
        var bars = new List<ScottPlot.Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            var low = (double)rows[i].Low!.Value;
            var high = (double)(rows[i].High ?? rows[i].Low!.Value * 2);
            // The first row at the top, as in the table.
            var at = rows.Count - 1 - i;
            bars.Add(new ScottPlot.Bar { Position = at, Value = low, FillColor = ScottPlot.Color.FromHex("#1f5f8b") });
            if (high > low)
            {
                bars.Add(new ScottPlot.Bar { Position = at, ValueBase = low, Value = high, FillColor = ScottPlot.Color.FromHex("#a9c8de") });
            }
        }

        // Horizontal bars: the labels are words in the reader's language, some long, and they read across the left
        // axis instead of colliding under narrow columns.
        plot.Add.Bars(bars).Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i)).ToArray(), Labels(plot, rows, label));
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0);
        var (width, height) = (640, Math.Max(200, 60 + 34 * rows.Count));
        var svg = XmlDeclaration().Replace(plot.GetSvgXml(width, height), "");
        // Inline in the page: the XML declaration is not allowed there. The title is the figure's caption, in the
        // page's text where it wraps; a viewBox lets the chart scale down to a phone's width instead of being cut.
        var root = FormattableString.Invariant($"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(title)}\" ");
        return svg.StartsWith("<svg ", StringComparison.Ordinal) ? root + svg["<svg ".Length..] : svg;
    }

    /// <summary>The bars' labels in the page's words where the chart's font can draw them all; else the files' words.
    /// The drawing drops a glyph its font lacks rather than substituting one (the default font has no Arabic or
    /// Chinese), and a label with letters missing would say something else; the table under the charts has the words.</summary>
    private static string[] Labels(ScottPlot.Plot plot, List<PublishedFigure> rows, Func<FigureKey, string?> label)
    {
        var words = rows.Select(r => label(r.Key)).ToArray();
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(plot.Axes.Left.TickLabelStyle.FontName);
        var drawable = words.All(w => w is not null && typeface.ContainsGlyphs(w));
        return drawable ? [.. words.Select(w => w!)] : [.. rows.Select(r => r.Key.Value)];
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex XmlDeclaration();
}
