using System.Text.Json;
using System.Text.RegularExpressions;

namespace RightsDesk.Core.Moderation;

/// <summary>The field readers behind <see cref="ModerationDecisionReader"/>: the database's value lists, its dates,
/// the territorial scope, content ids and demand ids, each refusal recorded by path.</summary>
public static partial class ModerationDecisionReader
{
    private static string? OptionalString(JsonInput input, JsonElement o, string path, string name, int max) => input.OptionalString(o, name, max, path);

    private static string? RequiredIf(JsonInput input, JsonElement o, string path, string name, int max, bool required, string when)
    {
        var s = input.OptionalString(o, name, max, path);
        if (s is null && required && !input.HasErrorAt(path))
        {
            input.Error(path, $"Required when {when}.");
        }

        return s;
    }

    private static string? OneOf(JsonInput input, JsonElement o, string path, string name, IReadOnlyList<string> values, bool required)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                input.Error(path, "Required; one of: " + string.Join(", ", values) + ".");
            }

            return null;
        }

        if (v.ValueKind == JsonValueKind.String && values.Contains(v.GetString()!, StringComparer.Ordinal))
        {
            return v.GetString();
        }

        input.Error(path, "Expected one of: " + string.Join(", ", values) + ".");
        return null;
    }

    private static List<string> List(JsonInput input, JsonElement o, string path, string name, IReadOnlyList<string> values)
    {
        var list = new List<string>();
        if (!input.OptionalArray(o, name, "Expected an array of: " + string.Join(", ", values) + ".", out var array, path))
        {
            return list;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = StrictJson.Item(path, i++);
            if (item.ValueKind != JsonValueKind.String || !values.Contains(item.GetString()!, StringComparer.Ordinal))
            {
                input.Error(at, "Expected one of: " + string.Join(", ", values) + ".");
            }
            else if (list.Contains(item.GetString()!, StringComparer.Ordinal))
            {
                input.Error(at, "Listed twice.");
            }
            else
            {
                list.Add(item.GetString()!);
            }
        }

        return list;
    }

    private static (List<string> Scope, bool Global) Scope(JsonInput input, JsonElement o, string path)
    {
        const string expected = "Required; ISO 3166-1 alpha-2 codes where the measure applies, \"EEA\" for the EU's 27 with Iceland, Liechtenstein and Norway, or [\"GLOBAL\"] for everywhere.";
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        var global = false;
        if (!input.OptionalArray(o, "territorialScope", expected, out var array, path))
        {
            if (!input.HasErrorAt(path))
            {
                input.Error(path, expected);
            }

            return ([], false);
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = StrictJson.Item(path, i++);
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            if (text == ModerationDecision.Everywhere)
            {
                global = true;
            }
            else if (text == "EEA")
            {
                codes.UnionWith(Tdb.Eea);
            }
            else if (text is not null && text.Length == 2 && text.All(char.IsAsciiLetterUpper) && CountryCode.TryParse(text, out var code))
            {
                codes.Add(code.Value);
            }
            else
            {
                input.Error(at, "Expected an ISO 3166-1 alpha-2 code in upper case, \"EEA\" or \"GLOBAL\".");
            }
        }

        if (global && codes.Count > 0)
        {
            input.Error(path, "GLOBAL already covers every country; send it alone.");
        }
        else if (!global && codes.Count == 0 && !input.HasErrorAt(path))
        {
            input.Error(path, expected);
        }

        return (global ? [ModerationDecision.Everywhere] : [.. codes], global);
    }

    private static DateOnly? Date(JsonInput input, JsonElement o, string path, string name, DateOnly from, bool required)
    {
        var d = required ? input.RequiredDate(o, name, path) : input.OptionalDate(o, name, path);
        if (d is { } day && (day < from || day > Until))
        {
            input.Error(path, $"Between {LedgerDay(from)} and {LedgerDay(Until)}.");
            return null;
        }

        return d;
    }

    private static string LedgerDay(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Url(JsonInput input, JsonElement o, string path, string name)
    {
        var s = input.OptionalString(o, name, 500, path);
        if (s is not null && !(Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            input.Error(path, "An absolute http or https URL.");
            return null;
        }

        return s;
    }

    private static ContentId? ContentId(JsonInput input, JsonElement o, string path)
    {
        if (!input.OptionalObject(o, "contentId", out var id, path))
        {
            return null;
        }

        input.RejectUnknown(id, path, "EAN-13");
        var ean = input.OptionalString(id, "EAN-13", 13, StrictJson.Member(path, "EAN-13"));
        if (ean is not null && (ean.Length != 13 || !ean.All(char.IsAsciiDigit)))
        {
            input.Error(StrictJson.Member(path, "EAN-13"), "Exactly 13 digits.");
            return null;
        }

        return ean is null ? null : new ContentId(ean);
    }

    private static Guid? DemandId(JsonInput input, JsonElement o, string path)
    {
        var s = input.OptionalString(o, "demandId", 36, path);
        if (s is null)
        {
            return null;
        }

        if (Guid.TryParseExact(s, "D", out var id))
        {
            return id;
        }

        input.Error(path, "The demand's id, a UUID such as 0192f2a4-6c1e-7b3d-9a4f-2e8d5c7b1a06.");
        return null;
    }

    /// <summary>A notice's id (a UUID) or its receipt reference (NTC- and six letters or digits), as the notifier was
    /// given it; only a decision whose source is a notice may name one, or its statement would tell the user two stories.</summary>
    private static string? NoticeId(JsonInput input, JsonElement o, string path, string? sourceType)
    {
        var s = input.OptionalString(o, "noticeId", 36, path);
        if (s is null)
        {
            return null;
        }

        if (sourceType is not null && sourceType != Tdb.SourceArticle16 && sourceType != Tdb.SourceTrustedFlagger)
        {
            input.Error(path, $"A decision that follows a notice has sourceType {Tdb.SourceArticle16} or {Tdb.SourceTrustedFlagger}.");
            return null;
        }

        if (Guid.TryParseExact(s, "D", out var id))
        {
            return id.ToString();
        }

        var reference = s.ToUpperInvariant();
        if (NoticeReferencePattern().IsMatch(reference))
        {
            return reference;
        }

        input.Error(path, "The notice's id (a UUID) or its reference, such as NTC-7Q4F2A.");
        return null;
    }

    [GeneratedRegex("^NTC-[0-9A-Z]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex NoticeReferencePattern();

    [GeneratedRegex("^[a-zA-Z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PuidPattern();
}
