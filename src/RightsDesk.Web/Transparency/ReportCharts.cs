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
    public static string? Bars(PublishedReport report, string table, string measure, string title)
    {
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
            bars.Add(new ScottPlot.Bar { Position = i, Value = low, FillColor = ScottPlot.Color.FromHex("#1f5f8b") });
            if (high > low)
            {
                bars.Add(new ScottPlot.Bar { Position = i, ValueBase = low, Value = high, FillColor = ScottPlot.Color.FromHex("#a9c8de") });
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(r => r.Key.Value).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        var svg = plot.GetSvgXml(Math.Max(360, 60 * rows.Count), 300);
        // Inline in the page: the XML declaration is not allowed there, and the chart is a figure with its own title.
        return XmlDeclaration().Replace(svg, "");
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex XmlDeclaration();
}
