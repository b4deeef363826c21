using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Defenders;

/// <summary>The kinds of identifier a person on the registry is known by.</summary>
public enum IdentifierKind { Account, Handle, ProfileUrl, Email, Phone }

/// <summary>Where an entry came from: staff, a trusted partner's nomination, or the person asking through the incident channel.</summary>
public enum AtRiskSource { Staff, PartnerNomination, SelfRequest }

/// <summary>Who may see an entry: the human rights lead alone, or the lead and the incident responders.</summary>
public enum AtRiskVisibility { Lead, LeadAndResponders }

/// <summary>An entry's place in its four-eyes life: proposed, active, removal proposed, removed.</summary>
public enum AtRiskStatus { Proposed, Active, RemovalProposed, Removed }

/// <summary>
/// The registry's identifiers in the one canonical form (<see cref="Identifiers"/>), by kind: account ids, handles and
/// profile URLs share the account form (so <c>@user@instance</c>, <c>https://instance/@user</c> and
/// <c>https://instance/users/user</c> are one), e-mail addresses the provider's reading, phone numbers E.164.
/// </summary>
public static class AtRiskIdentifiers
{
    public const int MaxLength = 300;

    public static string Canonical(IdentifierKind kind, string value, string? country) => Identifiers.Canonical(TargetTypeOf(kind), value, country);

    /// <summary>
    /// Every canonical form a demand's target may match a registry entry under: its own type's, and the phone or
    /// e-mail reading of what was typed when it has that shape, because an authority may file a phone number as an
    /// account. Matching more readings only ever protects more.
    /// </summary>
    public static IReadOnlyList<string> FormsOf(Target target, string? country)
    {
        ArgumentNullException.ThrowIfNull(target);
        // A target's own country says how its number is written; the authority's is the fallback.
        country = target.Country?.Value ?? country;
        var forms = new List<string> { Identifiers.Canonical(target.Type, target.Id, country) };
        if (target.Type != TargetType.Phone && Identifiers.Canonical(TargetType.Phone, target.Id, country) is { } phone && phone.StartsWith('+'))
        {
            forms.Add(phone);
        }

        if (target.Type != TargetType.Email && LooksLikeEmail(target.Id))
        {
            forms.Add(Identifiers.Canonical(TargetType.Email, target.Id, country));
        }

        return forms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The kind an identifier most likely is, for entries stored or filed without one.</summary>
    public static IdentifierKind Infer(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var t = value.Trim();
        if (t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return IdentifierKind.ProfileUrl;
        }

        if (t.StartsWith('@'))
        {
            return IdentifierKind.Handle;
        }

        if (LooksLikeEmail(t))
        {
            return IdentifierKind.Email;
        }

        return t.Length > 0 && t.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.') && t.Count(char.IsAsciiDigit) >= 7
            ? IdentifierKind.Phone
            : IdentifierKind.Account;
    }

    private static bool LooksLikeEmail(string text)
    {
        var t = text.Trim();
        var at = t.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == t.LastIndexOf('@') && t.IndexOf('.', at) > at + 1 && !t.Contains('/', StringComparison.Ordinal) && !t.Contains(' ', StringComparison.Ordinal);
    }

    private static TargetType TargetTypeOf(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Email => TargetType.Email,
        IdentifierKind.Phone => TargetType.Phone,
        IdentifierKind.ProfileUrl => TargetType.Url,
        _ => TargetType.Account,
    };
}
