using System.Globalization;
using System.Text.Json;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Letters;

/// <summary>
/// The words letters and notices insert for the desk's enums (data categories, legal processes, decisions…), read
/// from policy/templates/labels/{language}.json so that translators edit one file per language next to the
/// templates. A label missing in a translation falls back to English rather than failing a letter.
/// </summary>
internal sealed class Vocabulary
{
    public const string Fallback = "en";

    private readonly string _path;
    private readonly IReadOnlyDictionary<string, string> _labels;
    private readonly IReadOnlyDictionary<string, string> _english;

    private Vocabulary(string path, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> english, Func<Vocabulary, FindingSentences> sentences)
    {
        _path = path;
        _labels = labels;
        _english = english;
        _sentences = new Lazy<FindingSentences>(() => sentences(this));
    }

    private readonly Lazy<FindingSentences> _sentences;

    /// <summary>What letters tell the authority about each finding, in this language (notices never need them).</summary>
    public FindingSentences Sentences => _sentences.Value;

    public static string PathFor(string language) => $"labels/{language}.json";

    public static Vocabulary For(PolicySet policy, string language)
    {
        var englishPath = PathFor(Fallback);
        var english = Read(policy, englishPath)
            ?? throw new TemplateException(englishPath, "missing: the English labels are the fallback for every language.");
        var labels = language == Fallback ? english : Read(policy, PathFor(language)) ?? english;
        return new Vocabulary(englishPath, labels, english, words => FindingSentences.For(policy, language, words));
    }

    /// <summary>The labels file of a language as keys, for the test that every translation is complete.</summary>
    public static IReadOnlyDictionary<string, string>? Read(PolicySet policy, string path)
    {
        if (!policy.Templates.TryGetValue(path, out var json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json, LabelJson)
                ?? throw new TemplateException(path, "is empty.");
        }
        catch (JsonException ex)
        {
            throw new TemplateException(path, $"is not a JSON object of label → text: {ex.Message}");
        }
    }

    public string this[string key] =>
        _labels.TryGetValue(key, out var text) || _english.TryGetValue(key, out text)
            ? text
            : throw new TemplateException(_path, $"no label '{key}'.");

    /// <summary>The label in this language's own file, without the English fallback.</summary>
    internal string? Own(string key) => _labels.TryGetValue(key, out var text) ? text : null;

    /// <summary>The English label, if there is one.</summary>
    internal string? English(string key) => _english.TryGetValue(key, out var text) ? text : null;

    /// <summary>Whether the labels name the values of this family at all ("dataCategory" yes, "rabatFactor" no).</summary>
    internal bool Names(string family) => _english.Keys.Any(k => k.StartsWith(family + ".", StringComparison.Ordinal));

    /// <summary>The English labels of one family ("glossary"), as term → text, in the file's order.</summary>
    internal IEnumerable<(string Term, string Text)> Family(string family) =>
        _english.Where(l => l.Key.StartsWith(family + ".", StringComparison.Ordinal)).Select(l => (l.Key[(family.Length + 1)..], l.Value));

    public string Of(DataCategory value) => this["dataCategory." + JsonNames.Of(value)];

    public string Of(LegalProcess value) => this["legalProcess." + JsonNames.Of(value)];

    public string Of(DemandKind value) => this["demandKind." + JsonNames.Of(value)];

    public string Of(RestrictionAction value) => this["restrictionAction." + JsonNames.Of(value)];

    public string Of(Assessment.Recommendation value) => this["decision." + JsonNames.Of(value)];

    public IReadOnlyList<string> Of(IEnumerable<DataCategory> values) => values.Select(Of).ToList();

    /// <summary>"search warrant or wiretap order": the processes any one of which would suffice.</summary>
    public string AnyOf(IReadOnlyList<LegalProcess> processes) => processes.Count switch
    {
        0 => "",
        1 => Of(processes[0]),
        _ => string.Join(", ", processes.Take(processes.Count - 1).Select(Of)) + " " + this["word.or"] + " " + Of(processes[^1]),
    };

    public string Territories(IReadOnlyList<string> territories) =>
        string.Join(", ", territories.Select(t => t == "*" ? this["territory.everywhere"] : t));

    public string Targets(int count) => count == 1
        ? this["targets.one"]
        : this["targets.many"].Replace("{count}", count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    private static readonly JsonSerializerOptions LabelJson = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
