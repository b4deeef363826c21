using System.Text;
using System.Text.RegularExpressions;
using RightsDesk.Core.Policy;

namespace RightsDesk.Core.Letters;

/// <summary>
/// The sentences letters say to an authority about each finding, by finding code, from
/// policy/templates/findings/{language}.json. A finding's own reason is written for staff (what to check, whom to call
/// back, how the desk rates the state) and is never what the authority reads.
/// </summary>
/// <remarks>
/// A sentence fills <c>{fact}</c> from the finding's facts, or <c>{fact:family}</c>, which reads the fact as a
/// comma-separated list of names and says each in the letter's language through the label <c>family.name</c> (looked
/// up in this file, then in the labels). A code without a sentence in the language falls back to English, then to the
/// check's general sentence, so a translation that lags behind still gives a letter written for the authority.
/// </remarks>
internal sealed partial class FindingSentences
{
    private readonly string _path;
    private readonly IReadOnlyDictionary<string, string>? _own;
    private readonly IReadOnlyDictionary<string, string> _english;
    private readonly Vocabulary _words;

    private FindingSentences(string path, IReadOnlyDictionary<string, string>? own, IReadOnlyDictionary<string, string> english, Vocabulary words)
    {
        _path = path;
        _own = own;
        _english = english;
        _words = words;
    }

    public static string PathFor(string language) => $"findings/{language}.json";

    public static FindingSentences For(PolicySet policy, string language, Vocabulary words)
    {
        var englishPath = PathFor(Vocabulary.Fallback);
        var english = Vocabulary.Read(policy, englishPath)
            ?? throw new TemplateException(englishPath, "missing: the English sentences for authorities are the fallback for every language.");
        var own = language == Vocabulary.Fallback ? english : Vocabulary.Read(policy, PathFor(language));
        return new FindingSentences(PathFor(language), own, english, words);
    }

    /// <summary>What the authority is told about one finding.</summary>
    public string Say(LetterReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var sentence = Lookup(reason.Code) ?? Lookup(reason.Check) ?? _words["reason.generic"];
        return Placeholder().Replace(sentence, m => Fill(reason, m.Groups["name"].Value, m.Groups["family"].Success ? m.Groups["family"].Value : null));
    }

    private string? Lookup(string key) =>
        _own is not null && _own.TryGetValue(key, out var text) || _english.TryGetValue(key, out text) ? text : null;

    private string Fill(LetterReason reason, string name, string? family)
    {
        if (!reason.Facts.TryGetValue(name, out var value))
        {
            throw new TemplateException(_path, $"the sentence for '{reason.Code}' uses {{{name}}}, which that finding does not give.");
        }

        if (family is null)
        {
            // Facts can carry the authority's own words (the domain it wrote from): they are quoted, never markup.
            return Markdown.Escape(value);
        }

        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(", ", names.Select(n => Name(family, n)));
    }

    /// <summary>
    /// A value in the desk's one vocabulary (the labels), in the letter's language where its labels say it, else in
    /// English; never as the stored name. Only what the labels leave to this file is looked up here: the families
    /// only staff read (targetType), which translations of the labels need not carry, and those the labels lack
    /// (rabatFactor). Finding codes share prefixes with label families ("legalProcess.none" is a sentence here and
    /// a label there), so a label family is never read from this file's sentences otherwise.
    /// </summary>
    private string Name(string family, string name)
    {
        var key = family + "." + name;
        if (!_words.Names(family))
        {
            return Lookup(key) ?? throw new TemplateException(_path, $"no words for '{key}' in the findings or the labels.");
        }

        var translated = _words.Own(key) ?? (DeskWords.StaffFamilies.Contains(family) && _own is not null && _own.TryGetValue(key, out var text) ? text : null);
        return translated ?? _words.English(key) ?? throw new TemplateException(_path, $"no label '{key}'.");
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<family>[A-Za-z]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>Quoting text in a Markdown letter so that it reads as written and is never taken for markup.</summary>
internal static partial class Markdown
{
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // A line break in a quoted value could start a list, a heading or a quote of its own; inline it stays text.
        var oneLine = LineBreaks().Replace(text, " ");
        var sb = new StringBuilder(oneLine.Length + 8);
        foreach (var ch in oneLine)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '|' or '~')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        // Where a template puts a value at the start of a line, these would open a block.
        if (sb.Length > 0 && sb[0] is '#' or '-' or '+' or '=')
        {
            sb.Insert(0, '\\');
        }
        else if (OrderedListStart().Match(sb.ToString()) is { Success: true } m)
        {
            sb.Insert(m.Length - 1, '\\');
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"[\r\n\u2028\u2029]+", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"^\d{1,9}[.)]", RegexOptions.CultureInvariant)]
    private static partial Regex OrderedListStart();
}
