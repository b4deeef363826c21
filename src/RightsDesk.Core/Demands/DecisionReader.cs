using System.Text.Json;
using RightsDesk.Core.Assessment;

namespace RightsDesk.Core.Demands;

/// <summary>
/// Reads a reviewer's decision (<c>{ outcome, reason?, dataCategories?, territories? }</c>) with the strict reader, so
/// the desk's decide form and any JSON client are refused alike and by the same paths.
/// </summary>
public static class DecisionReader
{
    public const int MaxReason = 4_000;

    public static DecisionInput Read(JsonElement root)
    {
        var r = new JsonInput();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationFailedException([new FieldError("$", "A decision is a JSON object.")]);
        }

        r.RejectUnknown(root, "", "outcome", "reason", "dataCategories", "territories");
        var outcome = r.RequiredEnum<Recommendation>(root, "outcome");
        var reason = r.OptionalString(root, "reason", MaxReason);
        var categories = new List<DataCategory>();
        if (r.OptionalArray(root, "dataCategories", "Expected an array of data categories.", out var cats))
        {
            var i = 0;
            foreach (var c in cats.EnumerateArray())
            {
                if (r.Enum<DataCategory>(c, StrictJson.Item("dataCategories", i++)) is { } cat && !categories.Contains(cat))
                {
                    categories.Add(cat);
                }
            }
        }

        var territories = new List<string>();
        if (r.OptionalArray(root, "territories", "Expected an array of ISO 3166-1 alpha-2 codes.", out var terr))
        {
            var i = 0;
            foreach (var t in terr.EnumerateArray())
            {
                var path = StrictJson.Item("territories", i++);
                var text = t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim().ToUpperInvariant() : null;
                if (text == "*")
                {
                    territories.Add(text);
                }
                else if (CountryCode.TryParse(text, out var code))
                {
                    territories.Add(code.Value);
                }
                else
                {
                    r.Error(path, "Not an ISO 3166-1 alpha-2 country code (for example DE) or \"*\".");
                }
            }
        }

        r.ThrowIfAny();
        return new DecisionInput(outcome, reason, categories.Count > 0 ? categories : null, territories.Count > 0 ? territories.Distinct().ToList() : null);
    }
}
