using System.Globalization;
using System.Text;
using PhoneNumbers;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Common;

/// <summary>
/// The one canonical form of a target identifier, so the same account typed two ways is found as one: Unicode NFKC,
/// format and bidirectional controls removed (they make look-alikes), case folded; a fediverse handle
/// <c>@user@instance</c> is the same as <c>https://instance/@user</c>; a phone number is E.164 (libphonenumber, with
/// the authority's country for numbers written without a country code); an e-mail address is lower-cased and, for
/// the providers whose rules are known (<see cref="EmailProviders"/>), its local part read as the provider reads it. The
/// search index of demand targets and the at-risk registry key their HMACs on this form.
/// </summary>
public static class Identifiers
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static string Canonical(TargetType type, string identifier, string? country = null)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var text = Clean(identifier);
        return type switch
        {
            TargetType.Phone => Phone(text, country) ?? text,
            TargetType.Email => Email(text),
            TargetType.Account => Handle(text) ?? LocalHandle(text) ?? Folded(text),
            TargetType.Url => Handle(text) ?? Folded(text),
            _ => Folded(text),
        };
    }

    /// <summary>The forms an identifier typed into a search box may have been stored under (its type is not said).</summary>
    public static IReadOnlyList<string> CanonicalForms(string identifier, string? country = null)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var forms = new List<string> { Canonical(TargetType.Account, identifier, country), Folded(Clean(identifier)), Clean(identifier).ToLowerInvariant() };
        if (Phone(Clean(identifier), country) is { } phone)
        {
            forms.Add(phone);
        }

        return forms.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Clean(string text)
    {
        // ASCII is already NFKC and holds no format character: nearly every handle and address a platform sends.
        if (System.Text.Ascii.IsValid(text))
        {
            return text.Trim();
        }

        var normal = text.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(normal.Length);
        Span<char> units = stackalloc char[2];
        foreach (var rune in normal.EnumerateRunes())
        {
            // Cf covers the bidi controls (U+202A–202E, U+2066–2069), zero-width joiners and the BOM.
            if (Rune.GetUnicodeCategory(rune) is not UnicodeCategory.Format)
            {
                kept.Append(units[..rune.EncodeToUtf16(units)]);
            }
        }

        return kept.ToString().Trim();
    }

    // .NET has no full Unicode case fold: invariant lower-casing after NFKC is the simple fold, and NFKC once more
    // keeps the result normal.
    private static string Folded(string text) => text.ToLowerInvariant().Normalize(NormalizationForm.FormKC);

    /// <summary>"@user@instance", "user@instance" with an account, or "https://instance/@user" → "@user@instance".</summary>
    private static string? Handle(string text)
    {
        var t = Folded(text);
        if (t.StartsWith('@') && t.IndexOf('@', 1) is var at and > 1 && at < t.Length - 1 && !t[1..].Contains('/', StringComparison.Ordinal))
        {
            return t;
        }

        if (t.StartsWith("acct:", StringComparison.Ordinal) && Handle("@" + t[5..]) is { } acct)
        {
            return acct;
        }

        if (Uri.TryCreate(t, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.Query)
            && ProfileName(uri.AbsolutePath.TrimEnd('/')) is { Length: > 0 } name && !name.Contains('@', StringComparison.Ordinal))
        {
            return "@" + name + "@" + uri.IdnHost;
        }

        return null;
    }

    /// <summary>The user in a profile path: Mastodon's <c>/@user</c> and <c>/web/@user</c>, ActivityPub's <c>/users/user</c>,
    /// and the <c>/u/user</c> and <c>/profile/user</c> of other fediverse servers.</summary>
    private static string? ProfileName(string path)
    {
        foreach (var prefix in (string[])["/@", "/web/@", "/users/", "/u/", "/profile/"])
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path.IndexOf('/', prefix.Length) < 0)
            {
                return path[prefix.Length..];
            }
        }

        return null;
    }

    /// <summary>"user@instance" typed as an account means the fediverse handle; a bare "@user" is the platform's own user.</summary>
    private static string? LocalHandle(string text)
    {
        var t = Folded(text);
        if (t.StartsWith('@') && t.Length > 1 && !t.Contains('/', StringComparison.Ordinal) && t.IndexOf('@', 1) < 0)
        {
            return t[1..];
        }

        var at = t.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == t.LastIndexOf('@') && at < t.Length - 1 && !t.Contains('/', StringComparison.Ordinal) && !t.Contains(' ', StringComparison.Ordinal)
            ? Handle("@" + t)
            : null;
    }

    /// <summary>An address lower-cased, its domain in ASCII, and for known providers the local part as they read it.</summary>
    private static string Email(string text)
    {
        var t = text.ToLowerInvariant();
        var at = t.LastIndexOf('@');
        if (at <= 0 || at == t.Length - 1)
        {
            return t;
        }

        var domain = t[(at + 1)..].TrimEnd('.');
        try
        {
            domain = new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return t;
        }

        return EmailProviders.Canonical(t[..at], domain);
    }

    private static string? Phone(string text, string? country)
    {
        if (text.Count(char.IsAsciiDigit) < 5)
        {
            return null;
        }

        try
        {
            var number = Phones.Parse(text, country?.ToUpperInvariant() ?? "ZZ");
            return Phones.IsPossibleNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
