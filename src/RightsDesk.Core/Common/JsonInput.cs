using System.Globalization;
using System.Text.Json;

namespace RightsDesk.Core;

/// <summary>
/// Reads fields out of a parsed body and collects every refusal by its JSON path instead of stopping at the first, so
/// a clerk or a calling system can fix all of them in one pass. Readers of each kind of input (demands, decisions)
/// are built from these pieces; the messages are the contract the API documents, so they are worded once, here.
/// </summary>
public sealed class JsonInput
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>
    /// The path of the object being read ("" for the body, "decisions[3]" for an item of a batch): where a method is
    /// given no path, a refusal names <c>Prefix.name</c>. The path is built only when something is refused, so a
    /// batch of a thousand good items does not build forty thousand strings nobody reads.
    /// </summary>
    public string Prefix { get; set; } = "";

    /// <summary>The path a refusal of member <paramref name="name"/> of the object at <see cref="Prefix"/> names.</summary>
    public string PathOf(string name) => StrictJson.Member(Prefix, name);

    public void Error(string field, string message) => _errors.Add(new FieldError(field, message));

    public bool HasErrorAt(string prefix)
    {
        foreach (var e in _errors)
        {
            if (e.Field.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <exception cref="ValidationFailedException">when any field was refused.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationFailedException(_errors);
        }
    }

    /// <summary>Refuses members of <paramref name="o"/> (at <paramref name="path"/>) not among <paramref name="known"/>.</summary>
    public void RejectUnknown(JsonElement o, string path, params string[] known) =>
        RejectUnknown(o, path, known, "Unknown field; expected one of: " + string.Join(", ", known) + ".");

    public void RejectUnknown(JsonElement o, string path, IReadOnlyCollection<string> known, string message)
    {
        foreach (var p in o.EnumerateObject())
        {
            if (!known.Contains(p.Name))
            {
                Error(StrictJson.Member(path, p.Name), message);
            }
        }
    }

    public bool RequiredObject(JsonElement o, string name, out JsonElement value, string? path = null)
    {
        string At() => path ?? PathOf(name);
        if (!o.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            Error(At(), "Required.");
            return false;
        }

        return IsObject(value, At());
    }

    public bool OptionalObject(JsonElement o, string name, out JsonElement value, string? path = null)
    {
        string At() => path ?? PathOf(name);
        if (!o.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return IsObject(value, At());
    }

    /// <summary>The array at <paramref name="name"/>, or false when absent or null; refuses any other shape.</summary>
    public bool OptionalArray(JsonElement o, string name, string expected, out JsonElement value, string? path = null)
    {
        string At() => path ?? PathOf(name);
        if (!o.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(At(), expected);
            return false;
        }

        return true;
    }

    public TEnum RequiredEnum<TEnum>(JsonElement o, string name, string? path = null) where TEnum : struct, Enum
    {
        string At() => path ?? PathOf(name);
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            Error(At(), "Required; one of: " + string.Join(", ", JsonNames.All<TEnum>()) + ".");
            return default;
        }

        return Enum<TEnum>(v, At()) ?? default;
    }

    /// <summary>An enum value given by its wire name, or null (with the error recorded) for anything else.</summary>
    public TEnum? Enum<TEnum>(JsonElement v, string path) where TEnum : struct, Enum
    {
        if (v.ValueKind == JsonValueKind.String && JsonNames.TryParse<TEnum>(v.GetString(), out var value))
        {
            return value;
        }

        Error(path, "Expected one of: " + string.Join(", ", JsonNames.All<TEnum>()) + ".");
        return null;
    }

    public string? RequiredString(JsonElement o, string name, int max, string? path = null)
    {
        string At() => path ?? PathOf(name);
        var s = OptionalString(o, name, max, path);
        if (s is null && !HasErrorAt(At()))
        {
            Error(At(), "Required.");
        }

        return s;
    }

    /// <summary>Trimmed text, or null when absent, null or empty; refuses text over <paramref name="max"/> characters
    /// and control characters other than line breaks and tabs.</summary>
    public string? OptionalString(JsonElement o, string name, int max, string? path = null)
    {
        string At() => path ?? PathOf(name);
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Error(At(), "Expected a string.");
            return null;
        }

        var s = v.GetString()!.Trim();
        if (s.Length > max)
        {
            Error(At(), $"At most {max} characters.");
            return null;
        }

        foreach (var c in s)
        {
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            {
                Error(At(), "Contains control characters.");
                return null;
            }
        }

        return s.Length == 0 ? null : s;
    }

    public bool? OptionalBool(JsonElement o, string name, string? path = null)
    {
        string At() => path ?? PathOf(name);
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Error(At(), "Expected true or false.");
        return null;
    }

    public bool? RequiredBool(JsonElement o, string name, string? path = null)
    {
        string At() => path ?? PathOf(name);
        var b = OptionalBool(o, name, path);
        if (b is null && !HasErrorAt(At()))
        {
            Error(At(), "Required (true or false).");
        }

        return b;
    }

    /// <summary>An ISO 8601 timestamp that states its offset: a time without one means a different instant to each
    /// reader.</summary>
    public DateTimeOffset RequiredTimestamp(JsonElement o, string name, string? path = null)
    {
        string At() => path ?? PathOf(name);
        if (!o.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String)
        {
            Error(At(), "Required; an ISO 8601 timestamp with a UTC offset, for example 2026-03-01T09:30:00Z.");
            return default;
        }

        var s = v.GetString()!;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ts)
            && (s.EndsWith('Z') || s.Contains('+', StringComparison.Ordinal) || s.LastIndexOf('-') > 9)
            && ts.Year is >= 1990 and <= 2200)
        {
            return ts.ToUniversalTime();
        }

        Error(At(), "Not an ISO 8601 timestamp with a UTC offset, for example 2026-03-01T09:30:00Z.");
        return default;
    }

    public DateOnly? OptionalDate(JsonElement o, string name, string? path = null)
    {
        string At() => path ?? PathOf(name);
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String && IsoDay(v.GetString()!) is { Year: >= 1990 and <= 2200 } d)
        {
            return d;
        }

        Error(At(), "Expected a date as YYYY-MM-DD.");
        return null;
    }

    public DateOnly? RequiredDate(JsonElement o, string name, string? path = null)
    {
        string At() => path ?? PathOf(name);
        var d = OptionalDate(o, name, path);
        if (d is null && !HasErrorAt(At()))
        {
            Error(At(), "Required; a date as YYYY-MM-DD.");
        }

        return d;
    }

    /// <summary>A day written YYYY-MM-DD. The common shape is read by hand: the culture-aware parser costs more than
    /// the rest of a moderation decision's fields together, and a batch holds thousands of dates.</summary>
    private static DateOnly? IsoDay(string s)
    {
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' && Digits(s, 0, 4) is var year and > 0
            && Digits(s, 5, 2) is var month and >= 1 and <= 12 && Digits(s, 8, 2) is var day and >= 1
            && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>The number the ASCII digits at <paramref name="start"/> spell, or -1.</summary>
    private static int Digits(string s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return -1;
            }

            n = (n * 10) + (s[i] - '0');
        }

        return n;
    }

    private bool IsObject(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(path, "Expected an object.");
            return false;
        }

        return true;
    }
}
