using System.Text.Json;
using RightsDesk.Core.Common;

namespace RightsDesk.Core.Defenders;

public sealed record AtRiskIdentifier(IdentifierKind Kind, string Value);

/// <summary>A person proposed for the registry, as read from the API's JSON or the desk's form.</summary>
public sealed record AtRiskEntry(
    IReadOnlyList<AtRiskIdentifier> Identifiers, string Category, AtRiskSource Source, bool Consent, DateOnly? ConsentOn,
    DateOnly? ReviewOn, AtRiskVisibility VisibleTo, string? Country, string? Note);

/// <summary>
/// Reads an entry and reports every bad field by its JSON path. <c>id</c> is the one-identifier form clients used
/// before entries were people; its kind is read from its shape.
/// </summary>
public static class AtRiskEntryReader
{
    public const int MaxIdentifiers = 20;
    public const int MaxNote = 2000;

    private static readonly string[] Known = ["identifiers", "id", "category", "source", "consent", "consentOn", "reviewOn", "visibleTo", "country", "note"];

    public static AtRiskEntry Read(JsonElement o)
    {
        var input = new JsonInput();
        if (o.ValueKind != JsonValueKind.Object)
        {
            input.Error("", "Expected an object.");
            input.ThrowIfAny();
        }

        input.RejectUnknown(o, "", Known);
        var country = input.OptionalString(o, "country", 2);
        if (country is not null && !CountryCode.TryParse(country, out _))
        {
            input.Error("country", "An ISO 3166-1 alpha-2 country code (used for phone numbers written without one).");
            country = null;
        }

        var identifiers = ReadIdentifiers(o, input, country);
        var category = input.RequiredString(o, "category", 40);
        if (category is not null && !AtRiskCategories.All.Contains(category))
        {
            input.Error("category", "One of: " + string.Join(", ", AtRiskCategories.All) + ".");
        }

        var source = Given(o, "source") ? input.RequiredEnum<AtRiskSource>(o, "source") : AtRiskSource.Staff;
        var visible = Given(o, "visibleTo") ? input.RequiredEnum<AtRiskVisibility>(o, "visibleTo") : AtRiskVisibility.LeadAndResponders;
        var consent = input.OptionalBool(o, "consent") ?? false;
        var consentOn = input.OptionalDate(o, "consentOn");
        if (consent && consentOn is null && !input.HasErrorAt("consentOn"))
        {
            input.Error("consentOn", "Required with consent: the day the person agreed.");
        }

        if (!consent && consentOn is not null)
        {
            input.Error("consentOn", "Only with consent: true.");
        }

        if (source == AtRiskSource.SelfRequest && !consent)
        {
            input.Error("consent", "A person who asked to be listed has consented: record it and its day.");
        }

        var reviewOn = input.OptionalDate(o, "reviewOn");
        var note = input.OptionalString(o, "note", MaxNote);
        input.ThrowIfAny();
        return new AtRiskEntry(identifiers, category!, source, consent, consentOn, reviewOn, visible, country?.ToUpperInvariant(), note);
    }

    private static bool Given(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    private static List<AtRiskIdentifier> ReadIdentifiers(JsonElement o, JsonInput input, string? country)
    {
        var found = new List<AtRiskIdentifier>();
        if (input.OptionalString(o, "id", AtRiskIdentifiers.MaxLength) is { } single)
        {
            found.Add(new AtRiskIdentifier(AtRiskIdentifiers.Infer(single), single));
        }

        if (input.OptionalArray(o, "identifiers", "Expected an array of { \"kind\", \"value\" }.", out var list))
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = $"identifiers[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    input.Error(path, "Expected { \"kind\", \"value\" }.");
                    continue;
                }

                input.RejectUnknown(item, path, "kind", "value");
                var kind = input.RequiredEnum<IdentifierKind>(item, "kind", path + ".kind");
                var value = input.RequiredString(item, "value", AtRiskIdentifiers.MaxLength, path + ".value");
                if (value is not null && !input.HasErrorAt(path) && Invalid(kind, value, country) is { } why)
                {
                    input.Error(path + ".value", why);
                }
                else if (value is not null)
                {
                    found.Add(new AtRiskIdentifier(kind, value));
                }
            }
        }

        if (found.Count == 0 && !input.HasErrorAt("identifiers") && !input.HasErrorAt("id"))
        {
            input.Error("identifiers", "Required: at least one account id, handle, profile URL, e-mail address or phone number.");
        }

        if (found.Count > MaxIdentifiers)
        {
            input.Error("identifiers", $"At most {MaxIdentifiers} identifiers for one person.");
        }

        return found;
    }

    private static string? Invalid(IdentifierKind kind, string value, string? country) => kind switch
    {
        IdentifierKind.Phone when !AtRiskIdentifiers.Canonical(kind, value, country).StartsWith('+') =>
            "Not a phone number that can be read: write it with its country code (+44 …) or give the person's country.",
        IdentifierKind.Email when !value.Contains('@', StringComparison.Ordinal) => "An e-mail address has an @.",
        IdentifierKind.ProfileUrl when !(Uri.TryCreate(value.Trim(), UriKind.Absolute, out var u) && u.Scheme is "https" or "http") =>
            "A profile URL starting with https:// or http://.",
        _ when AtRiskIdentifiers.Canonical(kind, value, country).Length == 0 => "Nothing is left once invisible characters are removed.",
        _ => null,
    };
}
