using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using RightsDesk.Browser.Tests.Support;
using RightsDesk.Data.Policy;
using RightsDesk.Web.Public;

namespace RightsDesk.Browser.Tests.Public;

/// <summary>Every language has every text, with the same placeholders, and every country a name.</summary>
public sealed partial class TranslationTests
{
    private static readonly PublicCatalogue Catalogue = PublicSite.Catalogue;

    public static TheoryData<string> Translations() => [.. Catalogue.Languages.Skip(1).Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_text_is_translated_with_the_same_placeholders(string code)
    {
        var english = Catalogue.English.Texts;
        var texts = Catalogue.Find(code)!.Texts;
        var file = $"policy/public/{code}.json";

        var missing = english.Keys.Where(k => !k.StartsWith("days.", StringComparison.Ordinal) && !texts.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing)}");
        var extra = texts.Keys.Where(k => !k.StartsWith("days.", StringComparison.Ordinal) && !english.ContainsKey(k)).ToList();
        Assert.True(extra.Count == 0, $"{file} has texts English does not: {string.Join(", ", extra)}");

        foreach (var (key, text) in texts.Where(t => !t.Key.StartsWith("days.", StringComparison.Ordinal)))
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{file}: '{key}' is empty");
            Assert.Equal(Placeholders(english[key]), Placeholders(text));
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    [InlineData("en")]
    public void Every_number_of_days_has_its_plural_form(string code)
    {
        var texts = Catalogue.Find(code)!.Texts;
        for (var n = 0; n <= 2000; n++)
        {
            var key = "days." + Plural.Category(code, n);
            Assert.True(texts.ContainsKey(key), $"policy/public/{code}.json lacks '{key}' (for {n})");
            Assert.Subset(new HashSet<string> { "n" }, Placeholders(texts[key]));
        }
    }

    [Fact]
    public void Every_country_with_a_profile_has_a_name_in_every_language()
    {
        var policy = PolicyDirectory.Load(Repo.Policy);
        foreach (var language in Catalogue.Languages)
        {
            var texts = Catalogue.Find(language.Code)!.Texts;
            var unnamed = policy.Profiles.Where(p => !texts.ContainsKey("name." + p.Country)).Select(p => p.Country).ToList();
            Assert.True(unnamed.Count == 0, $"policy/public/{language.Code}.json names no country for: {string.Join(", ", unnamed)}");
        }
    }

    [Fact]
    public void Every_language_has_the_labels_and_user_notice_of_its_templates()
    {
        var policy = PolicyDirectory.Load(Repo.Policy);
        foreach (var language in Catalogue.Languages)
        {
            Assert.True(policy.Templates.ContainsKey($"labels/{language.Templates}.json"), $"no policy/templates/labels/{language.Templates}.json for {language.Code}");
            Assert.True(policy.Templates.ContainsKey($"notices/{language.Templates}/user-notice.md"), $"no user notice in {language.Templates} for {language.Code}");
        }
    }

    [Fact]
    public void The_languages_are_the_eight_the_pages_promise()
    {
        Assert.Equal(["en", "es", "fr", "ar", "ru", "tr", "fa", "zh-Hans"], Catalogue.Languages.Select(l => l.Code));
        Assert.Equal(["ar", "fa"], Catalogue.Languages.Where(l => l.IsRightToLeft).Select(l => l.Code));
    }

    [Fact]
    public void The_text_files_are_valid_json_with_comments_only_where_the_reader_allows_them()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Policy, "public"), "*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        }
    }

    [Theory]
    [InlineData("ru", 1, "one")]
    [InlineData("ru", 3, "few")]
    [InlineData("ru", 14, "many")]
    [InlineData("ru", 22, "few")]
    [InlineData("ru", 111, "many")]
    [InlineData("ar", 0, "zero")]
    [InlineData("ar", 2, "two")]
    [InlineData("ar", 7, "few")]
    [InlineData("ar", 30, "many")]
    [InlineData("ar", 100, "other")]
    [InlineData("fr", 0, "one")]
    [InlineData("en", 0, "other")]
    [InlineData("zh-Hans", 1, "other")]
    public void Plural_categories_follow_CLDR(string language, int n, string expected) =>
        Assert.Equal(expected, Plural.Category(language, n));

    [Theory]
    [InlineData("fa-IR,fa;q=0.9,en;q=0.5", "fa")]
    [InlineData("en;q=0.1, ru", "ru")]
    [InlineData("zh-TW", "zh-Hans")]
    [InlineData("ZH-hans-CN", "zh-Hans")]
    [InlineData("de, *;q=0.5", "en")]
    [InlineData("es;q=0, fr;q=0.2", "fr")]
    [InlineData("", "en")]
    public void Accept_Language_picks_the_best_published_language(string header, string expected)
    {
        var parsed = StringWithQualityHeaderValue.ParseList(header.Split(',', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(expected, Catalogue.Negotiate(parsed).Code);
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PlaceholderPattern();
}
