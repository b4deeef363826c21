using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightsDesk.Web.Forms;

namespace RightsDesk.Web.Pages.Desk.Impact;

/// <summary>
/// The shapes of the impact pages' forms (fields named by the JSON paths the readers take) and the one step a form
/// cannot take itself: a number field posts text, and the readers take numbers, as an API client sends them.
/// </summary>
public static class ImpactForms
{
    public static readonly FormShape Assessment = FormShape.Of(lists: ["scope.countries", "scope.products"], booleans: ["assessors[0].independent"]);

    public static readonly FormShape Risk = FormShape.Of(lists: ["rights"], rows: new Dictionary<string, string>(StringComparer.Ordinal) { ["groups"] = "group" });

    public static readonly FormShape Mitigation = FormShape.Of(lists: ["risks"]);

    public static readonly FormShape Status = FormShape.Of(lists: []);

    public static readonly FormShape Review = FormShape.Of();

    public static readonly FormShape Benchmark = FormShape.Of();

    public static readonly FormShape Consultation = FormShape.Of(lists: ["risks"], booleans: ["consented"]);

    public static readonly FormShape Recommendation = FormShape.Of(lists: ["risks", "demandKinds"]);

    public static readonly string[] RiskNumbers =
        ["inherent.scale.value", "inherent.scope.value", "inherent.irremediability.value", "inherent.likelihood.value"];

    /// <summary>The form's JSON with the named fields as numbers where they parse (else left as typed, for the reader to refuse).</summary>
    public static JsonElement Json(PostedForm form, params string[] numbers)
    {
        ArgumentNullException.ThrowIfNull(form);
        var root = form.ToJsonObject();
        foreach (var path in numbers)
        {
            var parts = path.Split('.');
            JsonObject? parent = root;
            foreach (var part in parts[..^1])
            {
                parent = parent?[part] as JsonObject;
            }

            if (parent?[parts[^1]] is JsonValue v && v.TryGetValue<string>(out var text)
                && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
            {
                parent[parts[^1]] = JsonValue.Create(n);
            }
        }

        // A potential impact's likelihood left blank is absent, as it is for an actual impact.
        if (root["inherent"] is JsonObject inherent && inherent["likelihood"] is JsonObject l && l.Count == 0)
        {
            inherent.Remove("likelihood");
        }

        return JsonSerializer.SerializeToElement(root);
    }
}
