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
        using var doc = StrictJson.Parse(utf8, MaxDocumentBytes, $"The demand is larger than {MaxDocumentBytes / 1024} KB; attach long documents as the document upload instead.");
        return Read(doc.RootElement);
    }

    public static Demand Read(JsonElement root)
    {
        var r = new JsonInput();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationFailedException([new FieldError("$", "A demand is a JSON object.")]);
        }

        r.RejectUnknown(root, "", KnownFields, "Unknown field. Check the spelling against docs/api.md; unknown fields are refused so that nothing is silently ignored.");

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

    private static Authority? ReadAuthority(JsonInput r, JsonElement root)
    {
        if (!r.RequiredObject(root, "authority", out var a))
        {
            return null;
        }

        r.RejectUnknown(a, "authority", "name", "country", "type", "officer", "email", "verified", "phone", "reference", "verification");
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
        var verification = ReadCallBack(r, a);
        if (verification is not null && !verified)
        {
            r.Error("authority.verified", "A call-back that confirmed the demand is recorded, so the requester is verified: set \"verified\": true, or leave the call-back out.");
        }

        return name is null ? null : new Authority(name, country, type, officer, email, verified, phone, reference, verification);
    }

    private static VerificationCall? ReadCallBack(JsonInput r, JsonElement authority)
    {
        if (!r.OptionalObject(authority, "verification", out var v, "authority.verification"))
        {
            return null;
        }

        r.RejectUnknown(v, "authority.verification", "calledNumber", "numberSource", "spokeWith", "confirmedEmail");
        var number = r.RequiredString(v, "calledNumber", MaxShortText, "authority.verification.calledNumber");
        var source = r.RequiredString(v, "numberSource", MaxShortText, "authority.verification.numberSource");
        var who = r.RequiredString(v, "spokeWith", MaxShortText, "authority.verification.spokeWith");
        var email = r.OptionalString(v, "confirmedEmail", MaxShortText, "authority.verification.confirmedEmail")?.Trim();
        if (email is not null && !LooksLikeEmail(email))
        {
            r.Error("authority.verification.confirmedEmail", "Not an e-mail address.");
        }

        return number is null || source is null || who is null ? null : new VerificationCall(number, source, who, email);
    }

    private static List<Target> ReadTargets(JsonInput r, JsonElement root)
    {
        var list = new List<Target>();
        if (!r.OptionalArray(root, "targets", "Expected an array of { type, id, country? }.", out var arr))
        {
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

    private static List<DataCategory> ReadCategories(JsonInput r, JsonElement root)
    {
        var list = new List<DataCategory>();
        if (!r.OptionalArray(root, "dataCategories", "Expected an array of data categories.", out var arr))
        {
            return list;
        }

        var i = 0;
        foreach (var c in arr.EnumerateArray())
        {
            if (r.Enum<DataCategory>(c, $"dataCategories[{i++}]") is { } cat && !list.Contains(cat))
            {
                list.Add(cat);
            }
        }

        return list;
    }

    private static DateRange? ReadDateRange(JsonInput r, JsonElement root)
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

    private static Restriction? ReadRestriction(JsonInput r, JsonElement root)
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

    private static NonDisclosure? ReadNonDisclosure(JsonInput r, JsonElement root)
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

    private static DocumentFacts? ReadDocument(JsonInput r, JsonElement root)
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

    /// <summary>The shape check every e-mail field of a demand gets (one @, a dotted domain, no spaces).</summary>
    public static bool LooksLikeEmail(string s)
    {
        var at = s.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == s.LastIndexOf('@') && at < s.Length - 3 && s.IndexOf('.', at) > at + 1 && !s.Any(char.IsWhiteSpace);
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
