using System.Text.Json;

namespace RightsDesk.Core.Impact;

/// <summary>
/// Reads a risk. Every rating needs its value and its rationale, and every missing one is reported in the same answer
/// (<c>inherent.scale.rationale</c>, <c>inherent.likelihood.rationale</c>, …): an assessor fixes them in one pass.
/// </summary>
public static class RiskReader
{
    public static ImpactRisk Read(JsonElement o, ImpactPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var input = new JsonInput();
        input.RejectUnknown(o, "", "title", "rights", "groups", "nature", "involvement", "systemicRisk", "inherent", "residual", "evidence");
        var title = input.RequiredString(o, "title", 200);
        var rights = ImpactReader.Strings(input, o, "rights", "rights", 40);
        for (var i = 0; i < rights.Count; i++)
        {
            if (policy.Right(rights[i]) is null)
            {
                input.Error($"rights[{i}]", "Not in the rights catalogue (policy/impact.json).");
            }
        }

        if (rights.Count == 0 && !input.HasErrorAt("rights"))
        {
            input.Error("rights", "Name at least one right from the catalogue.");
        }

        var groups = Groups(input, o, policy);
        var nature = input.RequiredEnum<ImpactNature>(o, "nature");
        var involvement = input.RequiredEnum<Involvement>(o, "involvement");
        SystemicRiskCategory? systemic = o.TryGetProperty("systemicRisk", out var sr) && sr.ValueKind != JsonValueKind.Null
            ? input.Enum<SystemicRiskCategory>(sr, "systemicRisk") : null;
        var natureKnown = !input.HasErrorAt("nature");
        RiskRating? inherent = null;
        if (input.RequiredObject(o, "inherent", out var inh))
        {
            inherent = Rating(input, inh, "inherent", nature, natureKnown);
        }

        RiskRating? residual = null;
        if (input.OptionalObject(o, "residual", out var res))
        {
            residual = Rating(input, res, "residual", nature, natureKnown);
        }

        var evidence = ImpactReader.Strings(input, o, "evidence", "evidence", 2000);
        input.ThrowIfAny();
        return new ImpactRisk(title!, rights, groups, nature, involvement, systemic, inherent!, residual, evidence);
    }

    private static List<AffectedGroup> Groups(JsonInput input, JsonElement o, ImpactPolicy policy)
    {
        var groups = new List<AffectedGroup>();
        if (input.OptionalArray(o, "groups", "a list of {group, country}", out var list))
        {
            var i = 0;
            foreach (var g in list.EnumerateArray())
            {
                var path = $"groups[{i++}]";
                if (g.ValueKind != JsonValueKind.Object)
                {
                    input.Error(path, "Expected an object with group and country.");
                    continue;
                }

                input.RejectUnknown(g, path, "group", "country");
                var group = input.RequiredString(g, "group", 60, path + ".group");
                if (group is not null && !policy.IsGroup(group))
                {
                    input.Error(path + ".group", "One of: " + string.Join(", ", policy.Groups) + ".");
                }

                var country = ImpactReader.Country(input, g, "country", path + ".country");
                if (group is not null && country is not null)
                {
                    groups.Add(new AffectedGroup(group, country));
                }
            }
        }

        if (groups.Count == 0 && !input.HasErrorAt("groups"))
        {
            input.Error("groups", "Name at least one affected group, by country.");
        }

        return groups;
    }

    private static RiskRating? Rating(JsonInput input, JsonElement o, string path, ImpactNature nature, bool natureKnown)
    {
        input.RejectUnknown(o, path, "scale", "scope", "irremediability", "likelihood");
        var scale = Component(input, o, "scale", path);
        var scope = Component(input, o, "scope", path);
        var irremediability = Component(input, o, "irremediability", path);
        Rated? likelihood = null;
        var given = o.TryGetProperty("likelihood", out var l) && l.ValueKind != JsonValueKind.Null;
        if (natureKnown && nature == ImpactNature.Actual && given)
        {
            input.Error(path + ".likelihood", "An actual impact has happened: it has no likelihood.");
        }
        else if (natureKnown && nature == ImpactNature.Potential)
        {
            likelihood = Component(input, o, "likelihood", path);
        }

        return scale is null || scope is null || irremediability is null ? null : new RiskRating(scale, scope, irremediability, likelihood);
    }

    private static Rated? Component(JsonInput input, JsonElement o, string name, string parent)
    {
        var path = parent + "." + name;
        if (!input.RequiredObject(o, name, out var c, path))
        {
            return null;
        }

        input.RejectUnknown(c, path, "value", "rationale");
        int? value = c.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n is >= 1 and <= 4 ? n : null;
        if (value is null)
        {
            input.Error(path + ".value", "Required: 1 to 4.");
        }

        var rationale = input.OptionalString(c, "rationale", 2000, path + ".rationale");
        if (rationale is null && !input.HasErrorAt(path + ".rationale"))
        {
            input.Error(path + ".rationale", "Required: why this rating (a rating without its reason cannot be checked).");
        }

        return value is null || rationale is null ? null : new Rated(value.Value, rationale);
    }
}
