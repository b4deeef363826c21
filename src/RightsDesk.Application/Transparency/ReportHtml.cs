using System.Net;
using System.Text;
using RightsDesk.Core.Transparency;
using RightsDesk.Data.Transparency;

namespace RightsDesk.Application.Transparency;

/// <summary>
/// The report as one standalone HTML document (what the PDF is printed from): every table with its counts, a
/// percentage always beside the count it is of, bands written as ranges, and how to check the report. Its
/// Content-Security-Policy forbids every fetch and script, like the letters'.
/// </summary>
public static class ReportHtml
{
    public static string Render(TransparencyReportRecord record, PublishedReport report)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
          .Append("<title>Transparency report ").Append(E(record.Period)).Append(", version ").Append(record.Version).Append("</title>\n")
          .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;margin-block-end:1.5rem}")
          .Append("th,td{border:1px solid #999;padding:.25rem .5rem;text-align:start}td.n{text-align:end;font-variant-numeric:tabular-nums}caption{font-weight:bold;text-align:start;padding-block:.5rem}code{word-break:break-all}</style>\n")
          .Append("</head>\n<body>\n<h1>Transparency report ").Append(E(record.Period)).Append("</h1>\n")
          .Append("<p>Version ").Append(record.Version).Append(", published ").Append(record.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
          .Append(". Demands are counted in the period they were received in (UTC). Counts from 1 to ").Append(record.Threshold)
          .Append(" are shown as a range, and some other figures are widened to a range so that a hidden count cannot be worked out by subtraction.</p>\n");
        if (record.Changes.Length > 0)
        {
            sb.Append("<h2>What this version corrects</h2>\n<ul>\n");
            foreach (var c in record.Changes.Split('\n'))
            {
                sb.Append("<li><code>").Append(E(c)).Append("</code></li>\n");
            }

            sb.Append("</ul>\n");
        }

        foreach (var table in report.Figures.GroupBy(f => f.Key.Table))
        {
            Table(sb, table.Key, table.ToList());
        }

        sb.Append("<h2>How to check this report</h2>\n<dl>\n")
          .Append("<dt>Ledger tree head</dt><dd>size ").Append(record.TreeSize).Append(", root <code>").Append(E(record.TreeRoot)).Append("</code>, key <code>").Append(E(record.TreeKeyId)).Append("</code></dd>\n")
          .Append("<dt>Records root</dt><dd><code>").Append(E(record.RecordsRoot)).Append("</code> over ").Append(record.RecordCount).Append(" de-identified records</dd>\n")
          .Append("<dt>Policy version</dt><dd><code>").Append(E(record.PolicyVersion)).Append("</code></dd>\n")
          .Append("<dt>Parameters SHA-256</dt><dd><code>").Append(E(record.ParametersSha256)).Append("</code></dd>\n")
          .Append("<dt>Figures SHA-256</dt><dd><code>").Append(E(record.FiguresSha256)).Append("</code></dd>\n</dl>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, string name, List<PublishedFigure> figures)
    {
        var dimension = figures.Select(f => f.Key.Dimension).FirstOrDefault(d => d.Length > 0);
        sb.Append("<table>\n<caption>").Append(E(ReportTables.Title(name))).Append("</caption>\n<thead><tr>");
        if (dimension is not null)
        {
            sb.Append("<th scope=\"col\">").Append(E(dimension.Replace('_', ' '))).Append("</th>");
        }

        sb.Append("<th scope=\"col\">measure</th><th scope=\"col\">value</th><th scope=\"col\">n</th></tr></thead>\n<tbody>\n");
        foreach (var f in figures)
        {
            sb.Append("<tr>");
            if (dimension is not null)
            {
                sb.Append("<th scope=\"row\">").Append(E(f.Key.Value)).Append("</th>");
            }

            sb.Append("<td>").Append(E(ReportTables.Measure(f.Key.Measure))).Append("</td><td class=\"n\">").Append(E(Show(f))).Append("</td><td class=\"n\">")
              .Append(f.N?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "").Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    /// <summary>A figure in words: "12", "1-9", "at least 10", "12.5 %", "withheld".</summary>
    public static string Show(PublishedFigure f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var unit = f.Unit == "percent" ? " %" : f.Unit == "hours" ? " h" : "";
        return f.Withheld ? (f.Unit == "hours" ? "withheld (too few cases)" : "not applicable")
            : f.High is null ? $"at least {ReportJson.Number(f.Low)}{unit}"
            : f.Exact ? ReportJson.Number(f.Low) + unit
            : $"{ReportJson.Number(f.Low)}\u2013{ReportJson.Number(f.High)}{unit}";
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
