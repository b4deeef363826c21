using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace RightsDesk.Web.Demands;

/// <summary>
/// Turns an HTML form into the demand's JSON, so a form-entered demand goes through exactly the same reader and
/// validation as one sent to the API. Form fields are named by their JSON path ("authority.name",
/// "targets[2].id"), so each error the reader reports by path lands next to the field it concerns.
/// </summary>
public static partial class DemandForm
{
    public const int TargetRows = 6;

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal)
    {
        "emergency", "authority.verified", "nonDisclosure.required", "document.written", "document.signed", "document.officialLetterhead",
    };

    /// <summary>Fields holding a list: several checkboxes, or one comma-separated text.</summary>
    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal) { "dataCategories", "restriction.territories" };

    public static byte[] ToJson(IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        var root = new JsonObject();
        foreach (var (name, values) in form)
        {
            if (name.Length > 100 || !FieldName().IsMatch(name))
            {
                continue; // antiforgery token, submission id and anything not part of the demand
            }

            if (Lists.Contains(name))
            {
                var items = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
                if (items.Count > 0)
                {
                    Set(root, name, new JsonArray(items.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()));
                }

                continue;
            }

            var value = values.LastOrDefault()?.Trim();
            if (Booleans.Contains(name))
            {
                Set(root, name, JsonValue.Create(values.Any(v => v is "true" or "on")));
            }
            else if (!string.IsNullOrEmpty(value))
            {
                Set(root, name, JsonValue.Create(name == "receivedAt" ? AsUtc(value) : value));
            }
        }

        // Unchecked boxes send nothing; the contract wants the document facts stated either way.
        foreach (var b in Booleans)
        {
            if (b.StartsWith("document.", StringComparison.Ordinal) || b == "emergency" || b == "authority.verified")
            {
                if (Find(root, b) is null)
                {
                    Set(root, b, JsonValue.Create(false));
                }
            }
        }

        // Target rows left empty are not targets.
        if (root["targets"] is JsonArray targets)
        {
            var kept = targets.Where(t => t is JsonObject o && o["id"] is not null).Select(t => t!.DeepClone()).ToArray();
            root["targets"] = new JsonArray(kept);
        }

        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>A datetime-local input has no offset: the form says UTC, so it is UTC.</summary>
    private static string AsUtc(string value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? new DateTimeOffset(t, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
            : value;

    private static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        var parts = path.Split('.');
        JsonNode current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            var m = Indexed().Match(parts[i]);
            if (m.Success)
            {
                var obj = (JsonObject)current;
                var array = obj[m.Groups[1].Value] as JsonArray ?? (JsonArray)(obj[m.Groups[1].Value] = new JsonArray())!;
                var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                while (array.Count <= index)
                {
                    array.Add(new JsonObject());
                }

                if (last)
                {
                    array[index] = value;
                    return;
                }

                current = array[index]!;
            }
            else
            {
                var obj = (JsonObject)current;
                if (last)
                {
                    obj[parts[i]] = value;
                    return;
                }

                current = obj[parts[i]] ??= new JsonObject();
            }
        }
    }

    [GeneratedRegex(@"^[a-zA-Z]+(\[[0-9]{1,2}\])?(\.[a-zA-Z]+){0,2}$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"^([a-zA-Z]+)\[([0-9]{1,2})\]$")]
    private static partial Regex Indexed();
}
