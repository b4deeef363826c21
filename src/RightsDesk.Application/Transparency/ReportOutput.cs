using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RightsDesk.Application.Letters;
using RightsDesk.Data.Transparency;

namespace RightsDesk.Application.Transparency;

/// <summary>What was written: every file with its SHA-256, and why there is no PDF when there is none.</summary>
public sealed record WrittenReport(string Directory, IReadOnlyDictionary<string, string> Files, string? PdfUnavailable);

/// <summary>
/// Writes a published version into a directory: the rendered files, the PDF printed from the HTML by headless
/// Chromium where it is installed (the letters' printer), a Frictionless data package describing every file and
/// column, and manifest.json with the SHA-256 of every file and what the report was computed at.
/// </summary>
public sealed class ReportOutput(ILetterPrinter printer)
{
    public const string Pdf = "report.pdf", DataPackage = "datapackage.json", Manifest = "manifest.json";

    public async Task<WrittenReport> WriteAsync(TransparencyReportRecord record, string directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(directory);
        var files = ReportFiles.Render(record);
        var unavailable = printer.Unavailable;
        if (unavailable is null)
        {
            try
            {
                files[Pdf] = await printer.PrintAsync(Encoding.UTF8.GetString(files[ReportFiles.Html]), ct);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
            {
                unavailable = "Chromium could not print the report (" + e.GetType().Name + ").";
            }
        }

        files[DataPackage] = Encoding.UTF8.GetBytes(DataPackageText(record, files.ContainsKey(Pdf)));
        var hashes = files.ToDictionary(f => f.Key, f => ReportJson.Sha256(f.Value), StringComparer.Ordinal);
        foreach (var (name, bytes) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, name), bytes, ct);
        }

        var manifest = new JsonObject
        {
            ["period"] = record.Period,
            ["version"] = record.Version,
            ["treeSize"] = record.TreeSize,
            ["treeRoot"] = record.TreeRoot,
            ["policyVersion"] = record.PolicyVersion,
            ["parametersSha256"] = record.ParametersSha256,
            ["recordsRoot"] = record.RecordsRoot,
            ["figuresSha256"] = record.FiguresSha256,
            ["files"] = new JsonObject(hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
        };
        await File.WriteAllTextAsync(Path.Combine(directory, Manifest), manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n", ct);
        return new WrittenReport(directory, hashes, unavailable);
    }

    public static string DataPackageText(TransparencyReportRecord record, bool withPdf)
    {
        ArgumentNullException.ThrowIfNull(record);
        var report = ReportJson.Read(record.FiguresJson);
        var fields = new JsonArray();
        foreach (var column in ReportFiles.CsvColumns(report))
        {
            fields.Add(Field(column, report.Dimensions.Contains(column)));
        }

        var resources = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "report",
                ["path"] = ReportFiles.Csv,
                ["profile"] = "tabular-data-resource",
                ["title"] = "Every figure of the report, one row each (tidy long form)",
                ["format"] = "csv",
                ["mediatype"] = "text/csv",
                ["encoding"] = "utf-8",
                ["dialect"] = new JsonObject { ["delimiter"] = ",", ["lineTerminator"] = "\r\n", ["header"] = true },
                ["schema"] = new JsonObject { ["fields"] = fields, ["missingValues"] = new JsonArray("") },
            },
            Resource("report-json", ReportFiles.Json, "json", "application/json", "The same figures as JSON, with the tree head, hashes and changes; described by report.schema.json"),
            Resource("report-schema", ReportFiles.Schema, "json", "application/schema+json", "JSON Schema (2020-12) of report.json"),
            Resource("report-html", ReportFiles.Html, "html", "text/html", "The report to read, with every table"),
        };
        if (withPdf)
        {
            resources.Add(Resource("report-pdf", Pdf, "pdf", "application/pdf", "The HTML report printed by headless Chromium"));
        }

        var package = new JsonObject
        {
            ["profile"] = "data-package",
            ["name"] = "rightsdesk-transparency-" + record.Period.ToLowerInvariant(),
            ["title"] = $"Transparency report {record.Period}",
            ["version"] = record.Version.ToString(CultureInfo.InvariantCulture),
            ["created"] = record.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["description"] = "Government demands received in the period (UTC, by date received) and what was done with them. Counts from 1 to " +
                record.Threshold.ToString(CultureInfo.InvariantCulture) + " are bands; see report.schema.json.",
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = "CC-BY-4.0", ["path"] = "https://creativecommons.org/licenses/by/4.0/", ["title"] = "Creative Commons Attribution 4.0" }),
            ["resources"] = resources,
        };
        return package.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Resource(string name, string path, string format, string mediatype, string title) => new()
    {
        ["name"] = name,
        ["path"] = path,
        ["format"] = format,
        ["mediatype"] = mediatype,
        ["title"] = title,
    };

    private static JsonObject Field(string column, bool dimension) => column switch
    {
        "period" => new JsonObject { ["name"] = column, ["type"] = "string", ["description"] = "YYYY, YYYY-H1 or YYYY-H2 (UTC, by date received)", ["constraints"] = new JsonObject { ["required"] = true, ["pattern"] = "[0-9]{4}(-H[12])?" } },
        "table" => new JsonObject { ["name"] = column, ["type"] = "string", ["description"] = "Which table the figure belongs to; a table's total is in its source's *_totals table", ["constraints"] = new JsonObject { ["required"] = true } },
        "measure" => new JsonObject { ["name"] = column, ["type"] = "string", ["description"] = "What is counted or measured", ["constraints"] = new JsonObject { ["required"] = true } },
        "value_low" => new JsonObject { ["name"] = column, ["type"] = "number", ["description"] = "The figure, or the lower end of its band; empty when withheld" },
        "value_high" => new JsonObject { ["name"] = column, ["type"] = "number", ["description"] = "Equal to value_low for an exact figure; the upper end of a band; empty for 'at least value_low' or withheld" },
        "unit" => new JsonObject { ["name"] = column, ["type"] = "string", ["description"] = "requests, accounts, items, users, percent or hours", ["constraints"] = new JsonObject { ["required"] = true, ["enum"] = new JsonArray("requests", "accounts", "items", "users", "percent", "hours") } },
        "n" => new JsonObject { ["name"] = column, ["type"] = "integer", ["description"] = "The count a percentage or duration rests on, when it is published exactly" },
        _ when dimension => new JsonObject { ["name"] = column, ["type"] = "string", ["description"] = $"The {column.Replace('_', ' ')} the figure is broken down by; empty when the table is not broken down by it" + (column == "country" ? " (ISO 3166-1 alpha-2)" : "") },
        _ => new JsonObject { ["name"] = column, ["type"] = "string" },
    };
}
