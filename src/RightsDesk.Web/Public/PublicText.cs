using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace RightsDesk.Web.Public;

/// <summary>A value put into a text's {placeholder}: plain values are HTML-encoded, <see cref="IHtmlContent"/> is not.</summary>
public readonly record struct Arg(string Name, object? Value);

/// <summary>
/// The text of the public pages in one language. A key missing from a translation falls back to English, so an
/// incomplete translation shows English rather than failing the page; the tests keep every translation complete.
/// </summary>
public sealed class PublicText(PublicLanguage language, IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, string> english)
{
    public PublicLanguage Language => language;

    public IReadOnlyDictionary<string, string> Texts => texts;

    public bool Has(string key) => texts.ContainsKey(key) || english.ContainsKey(key);

    public string this[string key] =>
        texts.TryGetValue(key, out var text) || english.TryGetValue(key, out text)
            ? text
            : throw new KeyNotFoundException($"policy/public/{PublicCatalogue.Fallback}.json has no text '{key}'.");

    /// <summary>The text with its placeholders filled in, as plain text (Razor encodes it).</summary>
    public string Text(string key, params Arg[] args)
    {
        var sb = new StringBuilder();
        Fill(this[key], args, s => sb.Append(s), v => sb.Append(Plain(v)));
        return sb.ToString();
    }

    /// <summary>The text with its placeholders filled in, as HTML: the text and plain values are encoded, markup values are not.</summary>
    public IHtmlContent Html(string key, params Arg[] args)
    {
        var html = new HtmlContentBuilder();
        Fill(this[key], args, s => html.Append(s), v =>
        {
            if (v is IHtmlContent markup)
            {
                html.AppendHtml(markup);
            }
            else
            {
                html.Append(Plain(v));
            }
        });
        return html;
    }

    /// <summary>"30 days" in this language, with the plural form CLDR gives the number.</summary>
    public string Days(int n)
    {
        var key = "days." + Plural.Category(language.Code, n);
        var form = texts.TryGetValue(key, out var f) || texts.TryGetValue("days.other", out f) || english.TryGetValue("days.other", out f) ? f : "{n}";
        return form.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>A country's name in this language, or the profile's own (English) name when the texts have none.</summary>
    public string Country(string code, string fallback) =>
        texts.TryGetValue("name." + code, out var name) ? name : fallback;

    /// <summary>Items joined as a list in this language (Chinese, Arabic and Persian use their own comma).</summary>
    public string List(IEnumerable<string> items) => string.Join(this["list.separator"], items);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Fill(string template, Arg[] args, Action<string> text, Action<object?> value)
    {
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                text(template[i..]);
                return;
            }

            var name = template[(open + 1)..close];
            var found = Array.FindIndex(args, a => a.Name == name);
            text(template[i..open]);
            if (found >= 0)
            {
                value(args[found].Value);
            }
            else
            {
                // A placeholder with no value is shown as written, so a translator's slip is visible, not silent.
                text(template[open..(close + 1)]);
            }

            i = close + 1;
        }
    }

    private static string Plain(object? value) => value switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
