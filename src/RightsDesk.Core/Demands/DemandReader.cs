using System.Globalization;
using System.Text.Json;

namespace RightsDesk.Core.Demands;

/// <summary>
/// Reads a demand from JSON and reports every bad field at once, by its JSON path, so an intake clerk or a
/// calling system can fix all of them in one pass. Nothing partial is ever returned: either a whole valid
/// demand or the list of errors.
/// </summary>
public static class DemandReader
{
    public const int MaxDocumentBytes = 256 * 1024;
    public const int MaxTargets = 1_000;
    public const int MaxShortText = 300;
    public const int MaxLongText = 20_000;

    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "kind", "emergency", "receivedAt", "channel", "authority", "legalProcess", "legalBasis", "offence",
        "statementOfReasons", "emergencyJustification", "redress", "targets", "dataCategories", "dateRange",
        "restriction", "nonDisclosure", "deadline", "document",
    };

    public static Demand Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    /// <exception cref="ValidationFailedException">with one entry per bad field.</exception>
    public static Demand Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxDocumentBytes)
        {
            throw Fail("$", $"The demand is larger than {MaxDocumentBytes / 1024} KB; attach long documents as the document upload instead.");
        }

        // The JSON parser checks structure, not text: invalid UTF-8 inside a string, or an escaped lone surrogate such
        // as "\ud800", parses but cannot be read as a string, and would surface as an unexpected exception.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw Fail("$", "The body is not valid UTF-8 text.");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw Fail("$", $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        if (FirstUnreadableString(utf8) is { } at)
        {
            doc.Dispose();
            throw Fail("$", $"The body has an escape that is not text (a lone UTF-16 surrogate such as \\ud800) in the string at byte {at + 1}.");
        }

        using (doc)
        {
            return Read(doc.RootElement);
        }
    }

    public static Demand Read(JsonElement root)
    {
        var r = new Reader();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail("$", "A demand is a JSON object.");
        }

        foreach (var p in root.EnumerateObject())
        {
            if (!KnownFields.Contains(p.Name))
            {
                r.Error(p.Name, "Unknown field. Check the spelling against docs/api.md; unknown fields are refused so that nothing is silently ignored.");
            }
        }

        var kind = r.RequiredEnum<DemandKind>(root, "kind");
        var emergency = r.OptionalBool(root, "emergency") ?? false;
        var receivedAt = r.RequiredTimestamp(root, "receivedAt");
        var channel = r.RequiredEnum<Channel>(root, "channel");
        var authority = ReadAuthority(r, root);
        var legalProcess = r.RequiredEnum<LegalProcess>(root, "legalProcess");
        var legalBasis = r.OptionalString(root, "legalBasis", MaxLongText);
        var offence = r.OptionalString(root, "offence", MaxLongText);
        var reasons = r.OptionalString(root, "statementOfReasons", MaxLongText);
        var emergencyJustification = r.OptionalString(root, "emergencyJustification", MaxLongText);
        var redress = r.OptionalString(root, "redress", MaxLongText);
        var targets = ReadTargets(r, root);
        var categories = ReadCategories(r, root);
        var dateRange = ReadDateRange(r, root);
        var restriction = ReadRestriction(r, root);
        var nonDisclosure = ReadNonDisclosure(r, root);
        var deadline = r.OptionalDate(root, "deadline");
        var document = ReadDocument(r, root);

        if (kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction && restriction is null && !r.HasErrorAt("restriction"))
        {
            r.Error("restriction", "A content or account restriction demand must say which action it asks for and where (restriction.action, restriction.territories).");
        }

        if (kind is DemandKind.UserData && categories.Count == 0 && !r.HasErrorAt("dataCategories"))
        {
            r.Error("dataCategories", "A user-data demand must list the data categories it asks for.");
        }

        if (kind is not DemandKind.NetworkDisruption && targets.Count == 0 && !r.HasErrorAt("targets"))
        {
            r.Error("targets", "At least one target (the account, content or identifier the demand is about) is required.");
        }

        r.ThrowIfAny();
        return new Demand
        {
            Kind = kind,
            Emergency = emergency,
            ReceivedAt = receivedAt,
            Channel = channel,
            Authority = authority!,
            LegalProcess = legalProcess,
            LegalBasis = legalBasis,
            Offence = offence,
            StatementOfReasons = reasons,
            EmergencyJustification = emergencyJustification,
            Redress = redress,
            Targets = targets,
            DataCategories = categories,
            DateRange = dateRange,
            Restriction = restriction,
            NonDisclosure = nonDisclosure,
            Deadline = deadline,
            Document = document!,
        };
    }

    private static Authority? ReadAuthority(Reader r, JsonElement root)
    {
        if (!r.RequiredObject(root, "authority", out var a))
        {
            return null;
        }

        r.RejectUnknown(a, "authority", "name", "country", "type", "officer", "email", "verified", "phone", "reference");
        var name = r.RequiredString(a, "name", MaxShortText, "authority.name");
        var countryText = r.RequiredString(a, "country", MaxShortText, "authority.country");
        CountryCode country = default;
        if (countryText is not null && !CountryCode.TryParse(countryText, out country))
        {
            r.Error("authority.country", $"'{Truncate(countryText)}' is not an ISO 3166-1 alpha-2 country code (for example US, DE, HK).");
        }

        var type = r.RequiredEnum<AuthorityType>(a, "type", "authority.type");
        var officer = r.OptionalString(a, "officer", MaxShortText, "authority.officer");
        var email = r.OptionalString(a, "email", MaxShortText, "authority.email");
        if (email is not null && !LooksLikeEmail(email))
        {
            r.Error("authority.email", "Not an e-mail address.");
        }

        var verified = r.OptionalBool(a, "verified", "authority.verified") ?? false;
        var phone = r.OptionalString(a, "phone", MaxShortText, "authority.phone");
        var reference = r.OptionalString(a, "reference", MaxShortText, "authority.reference");
        return name is null ? null : new Authority(name, country, type, officer, email, verified, phone, reference);
    }

    private static List<Target> ReadTargets(Reader r, JsonElement root)
    {
        var list = new List<Target>();
        if (!root.TryGetProperty("targets", out var arr) || arr.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (arr.ValueKind != JsonValueKind.Array)
        {
            r.Error("targets", "Expected an array of { type, id, country? }.");
            return list;
        }

        if (arr.GetArrayLength() > MaxTargets)
        {
            r.Error("targets", $"At most {MaxTargets} targets per demand; a demand about more people than that is itself a reason to push back.");
            return list;
        }

        var i = 0;
        foreach (var t in arr.EnumerateArray())
        {
            var path = $"targets[{i++}]";
            if (t.ValueKind != JsonValueKind.Object)
            {
                r.Error(path, "Expected an object { type, id, country? }.");
                continue;
            }

            r.RejectUnknown(t, path, "type", "id", "country");
            var type = r.RequiredEnum<TargetType>(t, "type", path + ".type");
            var id = r.RequiredString(t, "id", MaxShortText, path + ".id");
            var countryText = r.OptionalString(t, "country", MaxShortText, path + ".country");
            CountryCode? country = null;
            if (countryText is not null)
            {
                if (CountryCode.TryParse(countryText, out var c))
                {
                    country = c;
                }
                else
                {
                    r.Error(path + ".country", "Not an ISO 3166-1 alpha-2 country code.");
                }
            }

            if (id is not null)
            {
                list.Add(new Target(type, id, country));
            }
        }

        return list;
    }

    private static List<DataCategory> ReadCategories(Reader r, JsonElement root)
    {
        var list = new List<DataCategory>();
        if (!root.TryGetProperty("dataCategories", out var arr) || arr.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (arr.ValueKind != JsonValueKind.Array)
        {
            r.Error("dataCategories", "Expected an array of data categories.");
            return list;
        }

        var i = 0;
        foreach (var c in arr.EnumerateArray())
        {
            var path = $"dataCategories[{i++}]";
            if (c.ValueKind == JsonValueKind.String && JsonNames.TryParse<DataCategory>(c.GetString(), out var cat))
            {
                if (!list.Contains(cat))
                {
                    list.Add(cat);
                }
            }
            else
            {
                r.Error(path, "Expected one of: " + string.Join(", ", JsonNames.All<DataCategory>()) + ".");
            }
        }

        return list;
    }

    private static DateRange? ReadDateRange(Reader r, JsonElement root)
    {
        if (!r.OptionalObject(root, "dateRange", out var o))
        {
            return null;
        }

        r.RejectUnknown(o, "dateRange", "from", "to");
        var from = r.RequiredDate(o, "from", "dateRange.from");
        var to = r.RequiredDate(o, "to", "dateRange.to");
        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                r.Error("dateRange.to", "The end of the date range is before its start.");
                return null;
            }

            return new DateRange(f, t);
        }

        return null;
    }

    private static Restriction? ReadRestriction(Reader r, JsonElement root)
    {
        if (!r.OptionalObject(root, "restriction", out var o))
        {
            return null;
        }

        r.RejectUnknown(o, "restriction", "action", "territories");
        var action = r.RequiredEnum<RestrictionAction>(o, "action", "restriction.action");
        var territories = new List<string>();
        if (!o.TryGetProperty("territories", out var arr) || arr.ValueKind != JsonValueKind.Array || arr.GetArrayLength() == 0)
        {
            r.Error("restriction.territories", "Expected a non-empty array of ISO 3166-1 alpha-2 codes, or [\"*\"] for everywhere.");
            return null;
        }

        var i = 0;
        foreach (var t in arr.EnumerateArray())
        {
            var path = $"restriction.territories[{i++}]";
            var s = t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (s == "*")
            {
                territories.Add("*");
            }
            else if (CountryCode.TryParse(s, out var code))
            {
                territories.Add(code.Value);
            }
            else
            {
                r.Error(path, "Not an ISO 3166-1 alpha-2 country code or \"*\".");
            }
        }

        return new Restriction(action, territories.Distinct().ToList());
    }

    private static NonDisclosure? ReadNonDisclosure(Reader r, JsonElement root)
    {
        if (!r.OptionalObject(root, "nonDisclosure", out var o))
        {
            return null;
        }

        r.RejectUnknown(o, "nonDisclosure", "required", "until", "basis");
        var required = r.RequiredBool(o, "required", "nonDisclosure.required");
        var until = r.OptionalDate(o, "until", "nonDisclosure.until");
        var basis = r.OptionalString(o, "basis", MaxLongText, "nonDisclosure.basis");
        return new NonDisclosure(required ?? false, until, basis);
    }

    private static DocumentFacts? ReadDocument(Reader r, JsonElement root)
    {
        if (!r.RequiredObject(root, "document", out var o))
        {
            return null;
        }

        r.RejectUnknown(o, "document", "written", "signed", "officialLetterhead");
        return new DocumentFacts(
            r.OptionalBool(o, "written", "document.written") ?? false,
            r.OptionalBool(o, "signed", "document.signed") ?? false,
            r.OptionalBool(o, "officialLetterhead", "document.officialLetterhead") ?? false);
    }

    /// <summary>The byte offset of the first string or property name with an escaped lone surrogate, if any.</summary>
    private static long? FirstUnreadableString(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 16 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // The reader offers no non-throwing check for this; the position is what the caller needs.
                    return reader.TokenStartIndex;
                }
            }
        }

        return null;
    }

    private static bool LooksLikeEmail(string s)
    {
        var at = s.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == s.LastIndexOf('@') && at < s.Length - 3 && s.IndexOf('.', at) > at + 1 && !s.Any(char.IsWhiteSpace);
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static ValidationFailedException Fail(string field, string message) => new([new FieldError(field, message)]);

    private sealed class Reader
    {
        private readonly List<FieldError> _errors = [];

        public void Error(string field, string message) => _errors.Add(new FieldError(field, message));

        public bool HasErrorAt(string prefix) => _errors.Any(e => e.Field.StartsWith(prefix, StringComparison.Ordinal));

        public void ThrowIfAny()
        {
            if (_errors.Count > 0)
            {
                throw new ValidationFailedException(_errors);
            }
        }

        public void RejectUnknown(JsonElement o, string path, params string[] known)
        {
            foreach (var p in o.EnumerateObject())
            {
                if (Array.IndexOf(known, p.Name) < 0)
                {
                    Error($"{path}.{p.Name}", "Unknown field; expected one of: " + string.Join(", ", known) + ".");
                }
            }
        }

        public bool RequiredObject(JsonElement o, string name, out JsonElement value)
        {
            if (!o.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
            {
                Error(name, "Required.");
                return false;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Error(name, "Expected an object.");
                return false;
            }

            return true;
        }

        public bool OptionalObject(JsonElement o, string name, out JsonElement value)
        {
            if (!o.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Error(name, "Expected an object.");
                return false;
            }

            return true;
        }

        public TEnum RequiredEnum<TEnum>(JsonElement o, string name, string? path = null) where TEnum : struct, Enum
        {
            path ??= name;
            if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                Error(path, "Required; one of: " + string.Join(", ", JsonNames.All<TEnum>()) + ".");
                return default;
            }

            if (v.ValueKind == JsonValueKind.String && JsonNames.TryParse<TEnum>(v.GetString(), out var value))
            {
                return value;
            }

            Error(path, "Expected one of: " + string.Join(", ", JsonNames.All<TEnum>()) + ".");
            return default;
        }

        public string? RequiredString(JsonElement o, string name, int max, string? path = null)
        {
            path ??= name;
            var s = OptionalString(o, name, max, path);
            if (s is null && !HasErrorAt(path))
            {
                Error(path, "Required.");
            }

            return s;
        }

        public string? OptionalString(JsonElement o, string name, int max, string? path = null)
        {
            path ??= name;
            if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                Error(path, "Expected a string.");
                return null;
            }

            var s = v.GetString()!.Trim();
            if (s.Length > max)
            {
                Error(path, $"At most {max} characters.");
                return null;
            }

            if (s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                Error(path, "Contains control characters.");
                return null;
            }

            return s.Length == 0 ? null : s;
        }

        public bool? OptionalBool(JsonElement o, string name, string? path = null)
        {
            path ??= name;
            if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetBoolean();
            }

            Error(path, "Expected true or false.");
            return null;
        }

        public bool? RequiredBool(JsonElement o, string name, string path)
        {
            var b = OptionalBool(o, name, path);
            if (b is null && !HasErrorAt(path))
            {
                Error(path, "Required (true or false).");
            }

            return b;
        }

        public DateTimeOffset RequiredTimestamp(JsonElement o, string name)
        {
            if (!o.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String)
            {
                Error(name, "Required; an ISO 8601 timestamp with a UTC offset, for example 2026-03-01T09:30:00Z.");
                return default;
            }

            var s = v.GetString()!;
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ts)
                && (s.EndsWith('Z') || s.Contains('+', StringComparison.Ordinal) || s.LastIndexOf('-') > 9)
                && ts.Year is >= 1990 and <= 2200)
            {
                return ts.ToUniversalTime();
            }

            Error(name, "Not an ISO 8601 timestamp with a UTC offset, for example 2026-03-01T09:30:00Z.");
            return default;
        }

        public DateOnly? OptionalDate(JsonElement o, string name, string? path = null)
        {
            path ??= name;
            if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                && d.Year is >= 1990 and <= 2200)
            {
                return d;
            }

            Error(path, "Expected a date as YYYY-MM-DD.");
            return null;
        }

        public DateOnly? RequiredDate(JsonElement o, string name, string path)
        {
            var d = OptionalDate(o, name, path);
            if (d is null && !HasErrorAt(path))
            {
                Error(path, "Required; a date as YYYY-MM-DD.");
            }

            return d;
        }
    }
}
