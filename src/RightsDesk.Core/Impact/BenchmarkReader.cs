using System.Text.Json;

namespace RightsDesk.Core.Impact;

/// <summary>Reads a benchmark; whether its metric is registered is the use case's to check, against the registry.</summary>
public static class BenchmarkReader
{
    public static BenchmarkInput Read(JsonElement o)
    {
        var input = new JsonInput();
        input.RejectUnknown(o, "", "title", "metric", "country", "mitigation", "commitment", "baseline", "target", "direction");
        var title = input.RequiredString(o, "title", 200);
        var metric = input.RequiredString(o, "metric", 64);
        string? country = null;
        if (o.TryGetProperty("country", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            country = ImpactReader.Country(input, o, "country", "country");
        }

        Guid? mitigation = o.TryGetProperty("mitigation", out var m) && m.ValueKind != JsonValueKind.Null ? ImpactReader.Id(input, o, "mitigation") : null;
        var commitment = input.OptionalString(o, "commitment", 2000);
        if (mitigation is null && commitment is null && !input.HasErrorAt("mitigation"))
        {
            input.Error("commitment", "A benchmark measures a mitigation or a policy commitment: give the mitigation's id or the commitment's words.");
        }

        var baseline = Number(input, o, "baseline");
        var target = Number(input, o, "target");
        var direction = input.RequiredEnum<BenchmarkDirection>(o, "direction");
        if (baseline is { } b && target is { } t && !input.HasErrorAt("direction") && !new BenchmarkTarget(b, t, direction).Coherent)
        {
            input.Error("target", direction == BenchmarkDirection.AtLeast
                ? "With direction atLeast the target is at or above the baseline."
                : "With direction atMost the target is at or below the baseline.");
        }

        input.ThrowIfAny();
        return new BenchmarkInput(title!, metric!, country, mitigation, commitment, baseline!.Value, target!.Value, direction);
    }

    private static decimal? Number(JsonInput input, JsonElement o, string name)
    {
        if (o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d is >= -1_000_000_000 and <= 1_000_000_000)
        {
            return decimal.Round(d, 4);
        }

        input.Error(name, "Required: a number.");
        return null;
    }
}
