using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RightsDesk.Core.Transparency;
using RightsDesk.Data.Transparency;

namespace RightsDesk.Application.Transparency;

/// <summary>
/// The files of a published report version, rendered from its stored record alone so the same version always gives
/// the same bytes: the tidy long-form CSV, the JSON with its schema, and the HTML. (The data package, which lists the
/// PDF when one could be printed, and the manifest are written beside them by <see cref="ReportOutput"/>.)
/// </summary>
public static class ReportFiles
{
    public const string Csv = "report.csv", Json = "report.json", Schema = "report.schema.json", Html = "report.html";

    public static SortedDictionary<string, byte[]> Render(TransparencyReportRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var report = ReportJson.Read(record.FiguresJson);
        return new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [Csv] = Encoding.UTF8.GetBytes(CsvText(report)),
            [Json] = Encoding.UTF8.GetBytes(JsonText(record, report)),
            [Schema] = Encoding.UTF8.GetBytes(ReportSchema.Text),
            [Html] = Encoding.UTF8.GetBytes(ReportHtml.Render(record, report)),
        };
    }

    public static IReadOnlyList<string> CsvColumns(PublishedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ["period", "table", "measure", .. report.Dimensions, "value_low", "value_high", "unit", "n"];
    }

    /// <summary>One row per figure: the dimension's column holds its value, the others are empty; an exact figure has
    /// value_low = value_high; a band has them apart; a withheld duration has both empty.</summary>
    public static string CsvText(PublishedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(string.Join(',', CsvColumns(report))).Append("\r\n");
        foreach (var f in report.Figures)
        {
            var cells = new List<string> { report.Period, f.Key.Table, f.Key.Measure };
            cells.AddRange(report.Dimensions.Select(d => string.Equals(d, f.Key.Dimension, StringComparison.Ordinal) ? f.Key.Value : ""));
            cells.AddRange([ReportJson.Number(f.Low), ReportJson.Number(f.High), f.Unit, f.N?.ToString(CultureInfo.InvariantCulture) ?? ""]);
            sb.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    public static string JsonText(TransparencyReportRecord record, PublishedReport report)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(report);
        var figures = JsonNode.Parse(record.FiguresJson)!["figures"]!.DeepClone();
        var o = new JsonObject
        {
            ["$schema"] = Schema,
            ["period"] = record.Period,
            ["version"] = record.Version,
            ["publishedAt"] = record.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["threshold"] = record.Threshold,
            ["policyVersion"] = record.PolicyVersion,
            ["parametersSha256"] = record.ParametersSha256,
            ["treeHead"] = new JsonObject
            {
                ["size"] = record.TreeSize,
                ["root"] = record.TreeRoot,
                ["timestamp"] = record.TreeTimestamp.ToUnixTimeMilliseconds(),
                ["signature"] = record.TreeSignature,
                ["keyId"] = record.TreeKeyId,
            },
            ["recordsRoot"] = record.RecordsRoot,
            ["records"] = record.RecordCount,
            ["figuresSha256"] = record.FiguresSha256,
            ["changes"] = new JsonArray(record.Changes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["sources"] = new JsonArray(report.Sources.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["dimensions"] = new JsonArray(report.Dimensions.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["figures"] = figures,
        };
        return o.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
