using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RightsDesk.Core.Moderation;

/// <summary>The field readers behind <see cref="ModerationDecisionReader"/>: the database's value lists, its dates,
/// the territorial scope, content ids and demand ids, each refusal recorded by path.</summary>
public static partial class ModerationDecisionReader
{
    private static string? OptionalString(JsonInput input, JsonElement o, string name, int max) => input.OptionalString(o, name, max);

    private static string? RequiredIf(JsonInput input, JsonElement o, string name, int max, bool required, string when)
    {
        var s = input.OptionalString(o, name, max);
        if (s is null && required && !input.HasErrorAt(input.PathOf(name)))
        {
            input.Error(input.PathOf(name), $"Required when {when}.");
        }

        return s;
    }

    /// <summary>The refusals that list a field's values, worded once per list: they are long (the keywords run to
    /// thousands of characters) and a good decision never needs them.</summary>
    private sealed record Listing(string OneOf, string RequiredOneOf, string ArrayOf)
    {
        private static readonly ConditionalWeakTable<IReadOnlyList<string>, Listing> Cache = [];

        public static Listing Of(IReadOnlyList<string> values) => Cache.GetValue(values, v =>
        {
            var all = string.Join(", ", v);
            return new Listing("Expected one of: " + all + ".", "Required; one of: " + all + ".", "Expected an array of: " + all + ".");
        });
    }

    /// <summary>The value of <paramref name="values"/> that <paramref name="v"/> is, if it is a string and one of them.</summary>
    private static string? Match(JsonElement v, IReadOnlyList<string> values)
    {
        if (v.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = v.GetString();
        foreach (var value in values)
        {
            if (string.Equals(value, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private static string? OneOf(JsonInput input, JsonElement o, string name, IReadOnlyList<string> values, bool required)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                input.Error(input.PathOf(name), Listing.Of(values).RequiredOneOf);
            }

            return null;
        }

        if (Match(v, values) is { } value)
        {
            return value;
        }

        input.Error(input.PathOf(name), Listing.Of(values).OneOf);
        return null;
    }

    private static List<string> List(JsonInput input, JsonElement o, string name, IReadOnlyList<string> values)
    {
        var list = new List<string>();
        if (!o.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            input.Error(input.PathOf(name), Listing.Of(values).ArrayOf);
            return list;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var value = Match(item, values);
            if (value is null)
            {
                input.Error(StrictJson.Item(input.PathOf(name), i), Listing.Of(values).OneOf);
            }
            else if (list.Contains(value, StringComparer.Ordinal))
            {
                input.Error(StrictJson.Item(input.PathOf(name), i), "Listed twice.");
            }
            else
            {
                list.Add(value);
            }

            i++;
        }

        return list;
    }

    private static (List<string> Scope, bool Global) Scope(JsonInput input, JsonElement o)
    {
        const string name = "territorialScope";
        const string expected = "Required; ISO 3166-1 alpha-2 codes where the measure applies, \"EEA\" for the EU's 27 with Iceland, Liechtenstein and Norway, or [\"GLOBAL\"] for everywhere.";
        if (!input.OptionalArray(o, name, expected, out var array))
        {
            if (!input.HasErrorAt(input.PathOf(name)))
            {
                input.Error(input.PathOf(name), expected);
            }

            return ([], false);
        }

        var codes = new List<string>(array.GetArrayLength());
        var global = false;
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            if (text == ModerationDecision.Everywhere)
            {
                global = true;
            }
            else if (text == "EEA")
            {
                codes.AddRange(Tdb.Eea);
            }
            else if (text is not null && text.Length == 2 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]) && CountryCode.TryParse(text, out var code))
            {
                codes.Add(code.Value);
            }
            else
            {
                input.Error(StrictJson.Item(input.PathOf(name), i), "Expected an ISO 3166-1 alpha-2 code in upper case, \"EEA\" or \"GLOBAL\".");
            }

            i++;
        }

        if (global && codes.Count > 0)
        {
            input.Error(input.PathOf(name), "GLOBAL already covers every country; send it alone.");
        }
        else if (!global && codes.Count == 0 && !input.HasErrorAt(input.PathOf(name)))
        {
            input.Error(input.PathOf(name), expected);
        }

        return (global ? [ModerationDecision.Everywhere] : SortedDistinct(codes), global);
    }

    /// <summary>The codes in ordinal order, each once: one scope is one list however it was spelled.</summary>
    private static List<string> SortedDistinct(List<string> codes)
    {
        codes.Sort(StringComparer.Ordinal);
        var kept = 0;
        for (var i = 0; i < codes.Count; i++)
        {
            if (kept == 0 || !string.Equals(codes[kept - 1], codes[i], StringComparison.Ordinal))
            {
                codes[kept++] = codes[i];
            }
        }

        codes.RemoveRange(kept, codes.Count - kept);
        return codes;
    }

    private static DateOnly? Date(JsonInput input, JsonElement o, string name, DateOnly from, bool required)
    {
        var d = required ? input.RequiredDate(o, name) : input.OptionalDate(o, name);
        if (d is { } day && (day < from || day > Until))
        {
            input.Error(input.PathOf(name), $"Between {LedgerDay(from)} and {LedgerDay(Until)}.");
            return null;
        }

        return d;
    }

    private static string LedgerDay(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Url(JsonInput input, JsonElement o, string name)
    {
        var s = input.OptionalString(o, name, 500);
        if (s is not null && !(Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            input.Error(input.PathOf(name), "An absolute http or https URL.");
            return null;
        }

        return s;
    }

    private static ContentId? ContentId(JsonInput input, JsonElement o)
    {
        if (!input.OptionalObject(o, "contentId", out var id))
        {
            return null;
        }

        var path = input.PathOf("contentId");
        input.RejectUnknown(id, path, "EAN-13");
        var ean = input.OptionalString(id, "EAN-13", 13, StrictJson.Member(path, "EAN-13"));
        if (ean is not null && (ean.Length != 13 || !ean.All(char.IsAsciiDigit)))
        {
            input.Error(StrictJson.Member(path, "EAN-13"), "Exactly 13 digits.");
            return null;
        }

        return ean is null ? null : new ContentId(ean);
    }

    private static Guid? DemandId(JsonInput input, JsonElement o)
    {
        var s = input.OptionalString(o, "demandId", 36);
        if (s is null)
        {
            return null;
        }

        var path = input.PathOf("demandId");
        if (Guid.TryParseExact(s, "D", out var id))
        {
            return id;
        }

        input.Error(path, "The demand's id, a UUID such as 0192f2a4-6c1e-7b3d-9a4f-2e8d5c7b1a06.");
        return null;
    }

    /// <summary>A notice's id (a UUID) or its receipt reference (NTC- and six letters or digits), as the notifier was
    /// given it; only a decision whose source is a notice may name one, or its statement would tell the user two stories.</summary>
    private static string? NoticeId(JsonInput input, JsonElement o, string? sourceType)
    {
        var s = input.OptionalString(o, "noticeId", 36);
        if (s is null)
        {
            return null;
        }

        var path = input.PathOf("noticeId");
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
