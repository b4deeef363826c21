using System.Text.Json;
using Microsoft.Net.Http.Headers;
using RightsDesk.Core.Policy;

namespace RightsDesk.Web.Public;

/// <summary>
/// The languages and texts of the public pages, read from policy/public/ next to the rest of the policy so that
/// translators and operators edit data, not code. Loaded once; a missing or malformed file is reported by name.
/// </summary>
public sealed class PublicCatalogue
{
    public const string Fallback = "en";
    public const string Folder = "public";

    private readonly Dictionary<string, PublicText> _texts;

    private PublicCatalogue(IReadOnlyList<PublicLanguage> languages, Dictionary<string, PublicText> texts)
    {
        Languages = languages;
        _texts = texts;
    }

    public IReadOnlyList<PublicLanguage> Languages { get; }

    public PublicText English => _texts[Fallback];

    public PublicText? Find(string code) => _texts.GetValueOrDefault(code);

    public PublicText For(PublicLanguage language) => _texts[language.Code];

    /// <exception cref="PolicyException">naming the file that is missing or wrong.</exception>
    public static PublicCatalogue Load(string policyDirectory)
    {
        var dir = Path.Combine(policyDirectory, Folder);
        var index = Read<LanguageIndex>(dir, "languages.json");
        if (index.Languages.Count == 0 || index.Languages[0].Code != Fallback)
        {
            throw new PolicyException($"{Folder}/languages.json", $"must list '{Fallback}' first: English is the fallback for every text.");
        }

        foreach (var l in index.Languages)
        {
            if (l.Dir is not ("ltr" or "rtl"))
            {
                throw new PolicyException($"{Folder}/languages.json", $"language '{l.Code}': dir must be 'ltr' or 'rtl'.");
            }
        }

        var english = Read<Dictionary<string, string>>(dir, Fallback + ".json");
        var texts = new Dictionary<string, PublicText>(StringComparer.Ordinal);
        foreach (var l in index.Languages)
        {
            var own = l.Code == Fallback ? english : Read<Dictionary<string, string>>(dir, l.Code + ".json");
            texts.Add(l.Code, new PublicText(l, own, english));
        }

        return new PublicCatalogue(index.Languages, texts);
    }

    /// <summary>
    /// The language to show a visitor who did not choose one: the first of their Accept-Language preferences (by
    /// quality, then order) that the pages are published in, matched on the whole tag, then on its primary subtag
    /// (any "zh" reads the Simplified Chinese pages), else English.
    /// </summary>
    public PublicLanguage Negotiate(IList<StringWithQualityHeaderValue>? acceptLanguage)
    {
        if (acceptLanguage is null)
        {
            return Languages[0];
        }

        var preferences = acceptLanguage
            .Select((v, i) => (Tag: v.Value.Value ?? "", Quality: v.Quality ?? 1.0, Order: i))
            .Where(p => p.Quality > 0 && p.Tag.Length > 0 && p.Tag != "*")
            .OrderByDescending(p => p.Quality).ThenBy(p => p.Order);
        foreach (var (tag, _, _) in preferences)
        {
            var exact = Languages.FirstOrDefault(l => string.Equals(l.Code, tag, StringComparison.OrdinalIgnoreCase));
            if (exact is not null)
            {
                return exact;
            }

            var primary = tag.Split('-')[0];
            var byPrimary = Languages.FirstOrDefault(l => string.Equals(l.Code.Split('-')[0], primary, StringComparison.OrdinalIgnoreCase));
            if (byPrimary is not null)
            {
                return byPrimary;
            }
        }

        return Languages[0];
    }

    private static T Read<T>(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        var relative = $"{Folder}/{name}";
        if (!File.Exists(path))
        {
            throw new PolicyException(relative, "missing: the public pages read their languages and texts from policy/public/.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new PolicyException(relative, "is empty.");
        }
        catch (JsonException ex)
        {
            throw new PolicyException(relative, ex.Message);
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record LanguageIndex(IReadOnlyList<PublicLanguage> Languages);
}
