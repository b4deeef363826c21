using System.Runtime.CompilerServices;
using System.Text.Json;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Web.Public;

/// <summary>
/// The words for data categories, legal processes and demand kinds, taken from the same
/// policy/templates/labels/{language}.json that letters and user notices use, so a user reads the same word for the
/// same thing on the pages and in a notice. A missing label falls back to English.
/// </summary>
public sealed class PolicyLabels
{
    private static readonly ConditionalWeakTable<PolicySet, Dictionary<string, PolicyLabels>> Cache = [];

    private readonly IReadOnlyDictionary<string, string> _labels;
    private readonly IReadOnlyDictionary<string, string> _english;

    private PolicyLabels(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> english)
    {
        _labels = labels;
        _english = english;
    }

    public static PolicyLabels For(PolicySet policy, string templatesLanguage)
    {
        var perLanguage = Cache.GetValue(policy, _ => []);
        lock (perLanguage)
        {
            if (!perLanguage.TryGetValue(templatesLanguage, out var labels))
            {
                var english = Read(policy, PublicCatalogue.Fallback) ?? throw new PolicyException("templates/labels/en.json", "missing: the English labels are the fallback for every language.");
                labels = new PolicyLabels(Read(policy, templatesLanguage) ?? english, english);
                perLanguage.Add(templatesLanguage, labels);
            }

            return labels;
        }
    }

    public string this[string key] => _labels.TryGetValue(key, out var s) || _english.TryGetValue(key, out s) ? s : key;

    public string Of(DataCategory value) => this["dataCategory." + JsonNames.Of(value)];

    public string Of(LegalProcess value) => this["legalProcess." + JsonNames.Of(value)];

    public string Of(DemandKind value) => this["demandKind." + JsonNames.Of(value)];

    private static Dictionary<string, string>? Read(PolicySet policy, string language)
    {
        var path = $"labels/{language}.json";
        if (!policy.Templates.TryGetValue(path, out var json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new PolicyException("templates/" + path, ex.Message);
        }
    }

    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
}
