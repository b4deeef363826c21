using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightsDesk.Core.Transparency;

namespace RightsDesk.Application.Transparency;

/// <summary>
/// The published figures as JSON, the one form they are stored, hashed, compared between versions and rendered
/// from. Written by hand, field by field in a fixed order, so the same figures always give the same bytes (the
/// figures' SHA-256 in the ledger depends on it).
/// </summary>
public static class ReportJson
{
    public static string Figures(PublishedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = new JsonObject
        {
            ["period"] = report.Period,
            ["threshold"] = report.Threshold,
            ["sources"] = new JsonArray(report.Sources.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["dimensions"] = new JsonArray(report.Dimensions.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["figures"] = new JsonArray(report.Figures.Select(Figure).ToArray()),
        };
        return o.ToJsonString();
    }

    private static JsonNode Figure(PublishedFigure f) => new JsonObject
    {
        ["table"] = f.Key.Table,
        ["measure"] = f.Key.Measure,
        ["dimension"] = f.Key.Dimension.Length == 0 ? null : f.Key.Dimension,
        ["value"] = f.Key.Dimension.Length == 0 ? null : f.Key.Value,
        ["valueLow"] = f.Low,
        ["valueHigh"] = f.High,
        ["unit"] = f.Unit,
        ["n"] = f.N,
    };

    public static PublishedReport Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var figures = root.GetProperty("figures").EnumerateArray().Select(f => new PublishedFigure(
            new FigureKey(f.GetProperty("table").GetString()!, f.GetProperty("measure").GetString()!,
                f.GetProperty("dimension").GetString() ?? "", f.GetProperty("value").GetString() ?? ""),
            Decimal(f.GetProperty("valueLow")), Decimal(f.GetProperty("valueHigh")), f.GetProperty("unit").GetString()!,
            f.GetProperty("n").ValueKind == JsonValueKind.Null ? null : f.GetProperty("n").GetInt64())).ToList();
        return new PublishedReport(
            root.GetProperty("period").GetString()!,
            root.GetProperty("threshold").GetInt32(),
            root.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToList(),
            root.GetProperty("dimensions").EnumerateArray().Select(s => s.GetString()!).ToList(),
            figures);
    }

    private static decimal? Decimal(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Number(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
}
