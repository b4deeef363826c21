using System.Text.RegularExpressions;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Letters;

/// <summary>What letters and notices share: finding the template in a language, and splitting off the subject.</summary>
internal static partial class Composition
{
    /// <summary>
    /// "es-MX" tries es-mx, then es, then en: a regional variant is optional, English is the one language every
    /// template must exist in. A malformed tag is treated as unknown rather than trusted as part of a path.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var tag = language.Trim().Replace('_', '-').ToLowerInvariant();
        var list = new List<string>(3);
        if (LanguageTag().IsMatch(tag))
        {
            list.Add(tag);
            var dash = tag.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                list.Add(tag[..dash]);
            }
        }

        list.Add(Vocabulary.Fallback);
        return list.Distinct(StringComparer.Ordinal).ToList();
    }

    public static (string Language, string Path, string Text) Find(PolicySet policy, string language, Func<string, string> pathFor)
    {
        foreach (var candidate in Candidates(language))
        {
            var path = pathFor(candidate);
            if (policy.Templates.TryGetValue(path, out var text))
            {
                return (candidate, path, text);
            }
        }

        var english = pathFor(Vocabulary.Fallback);
        throw new TemplateException(english, "missing: English is the fallback for every language, so this template must exist.");
    }

    public static (string Subject, string Body) Render(string path, string text, IReadOnlyDictionary<string, object?> values) =>
        Render(path, text, values, values);

    /// <summary>The subject is plain text and takes <paramref name="subjectValues"/>; the body is Markdown and takes
    /// <paramref name="bodyValues"/>, where quoted text is escaped.</summary>
    public static (string Subject, string Body) Render(string path, string text, IReadOnlyDictionary<string, object?> subjectValues, IReadOnlyDictionary<string, object?> bodyValues)
    {
        const string prefix = "Subject:";
        if (!text.TrimStart('\uFEFF').StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new TemplateException(path, $"the first line must be '{prefix} …' (the letter's subject; keep the English word in every language).");
        }

        var subjectText = Template.Render(path, text.TrimStart('\uFEFF'), subjectValues);
        var rendered = ReferenceEquals(subjectValues, bodyValues) ? subjectText : Template.Render(path, text.TrimStart('\uFEFF'), bodyValues);
        var subjectEnd = subjectText.IndexOf('\n', StringComparison.Ordinal);
        var subject = (subjectEnd < 0 ? subjectText : subjectText[..subjectEnd])[prefix.Length..].Trim();
        var newline = rendered.IndexOf('\n', StringComparison.Ordinal);
        var body = newline < 0 ? "" : rendered[(newline + 1)..];
        body = BlankLines().Replace(body.Trim('\n', '\r', ' '), "\n\n") + "\n";
        if (subject.Length == 0)
        {
            throw new TemplateException(path, "the subject line is empty.");
        }

        return (subject, body);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    // Optional paragraphs that are left out leave runs of blank lines; one blank line is a paragraph break in Markdown.
    [GeneratedRegex(@"\n[ \t]*\n(?:[ \t]*\n)+", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
