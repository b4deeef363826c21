using System.Net;
using System.Text.RegularExpressions;

namespace RightsDesk.Integration.Tests.Support;

/// <summary>
/// Reads a rendered form the way a person looks at it after a refusal: what each field shows, and which message sits
/// next to which field. Fields are found by their name (a JSON path), messages by their id (<c>err-</c> + path).
/// </summary>
internal static partial class FormHtml
{
    private sealed record Field(string Name, int Position, IReadOnlyList<string> Shown, string? DescribedBy);

    /// <summary>Every value posted is shown again: typed text, the chosen option, each ticked box.</summary>
    public static void AssertEveryValueComesBack(string html, IEnumerable<KeyValuePair<string, string>> posted)
    {
        var fields = Fields(html);
        var missing = posted
            .Where(p => !fields.Any(f => f.Name == p.Key && f.Shown.Contains(p.Value.Trim(), StringComparer.Ordinal)))
            .Select(p => $"{p.Key} = \"{p.Value}\" (shown: {string.Join(" | ", fields.Where(f => f.Name == p.Key).SelectMany(f => f.Shown))})")
            .ToList();
        Assert.True(missing.Count == 0, "Not shown again after the refusal:\n" + string.Join("\n", missing));
    }

    /// <summary>The message for <paramref name="path"/> is there, the field names it, and no other field lies between them.</summary>
    public static void AssertErrorBesideField(string html, string path)
    {
        var id = "err-" + path.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);
        var error = Regex.Match(html, $"<span class=\"field-error\" id=\"{Regex.Escape(id)}\">[^<]+</span>");
        Assert.True(error.Success, $"no message for {path} ({id})");
        var fields = Fields(html);
        var field = Assert.Single(fields, f => f.Name == path);
        var (from, to) = (Math.Min(field.Position, error.Index), Math.Max(field.Position, error.Index));
        var between = fields.Where(f => f.Position > from && f.Position < to).Select(f => f.Name).ToList();
        Assert.True(between.Count == 0, $"the message for {path} is separated from its field by {string.Join(", ", between)}");
        Assert.Contains(id, (field.DescribedBy ?? "").Split(' '));
    }

    private static List<Field> Fields(string html)
    {
        var fields = new List<Field>();
        foreach (Match m in InputTag().Matches(html))
        {
            var a = Attributes(m.Groups[1].Value);
            if (!a.TryGetValue("name", out var name))
            {
                continue;
            }

            var type = a.GetValueOrDefault("type") ?? "text";
            var shown = type is "checkbox" or "radio"
                ? (a.ContainsKey("checked") ? [a.GetValueOrDefault("value") ?? "on"] : [])
                : new List<string> { a.GetValueOrDefault("value") ?? "" };
            fields.Add(new Field(name, m.Index, shown, a.GetValueOrDefault("aria-describedby")));
        }

        foreach (Match m in TextareaTag().Matches(html))
        {
            var a = Attributes(m.Groups[1].Value);
            fields.Add(new Field(a.GetValueOrDefault("name") ?? "", m.Index, [WebUtility.HtmlDecode(m.Groups[2].Value).Trim()], a.GetValueOrDefault("aria-describedby")));
        }

        foreach (Match m in SelectTag().Matches(html))
        {
            var a = Attributes(m.Groups[1].Value);
            var selected = OptionTag().Matches(m.Groups[2].Value).Select(o => Attributes(o.Groups[1].Value))
                .Where(o => o.ContainsKey("selected")).Select(o => o.GetValueOrDefault("value") ?? "").ToList();
            fields.Add(new Field(a.GetValueOrDefault("name") ?? "", m.Index, selected, a.GetValueOrDefault("aria-describedby")));
        }

        return fields.OrderBy(f => f.Position).ToList();
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        Attribute().Matches(tag).GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value), StringComparer.Ordinal);

    [GeneratedRegex(@"<input\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"<textarea\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaTag();

    [GeneratedRegex(@"<select\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectTag();

    [GeneratedRegex(@"<option\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex OptionTag();

    [GeneratedRegex(@"([a-zA-Z][\w.:-]*)(?:=""([^""]*)"")?")]
    private static partial Regex Attribute();
}
