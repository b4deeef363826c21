using System.Text.RegularExpressions;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Portal;

/// <summary>
/// Which e-mail domains may register for the portal. Forged data requests come from free-mail accounts and from
/// look-alike or bought domains, so an address must be under an official government suffix, on the operator's
/// allow-list, or among the domains the jurisdiction profile of the registrant's country lists. Free-mail providers
/// are refused first, whatever their suffix.
/// </summary>
public sealed partial class OfficialDomainPolicy(PortalOptions options, PolicyProvider policies)
{
    private readonly Regex[] _official = (options.OfficialDomainSuffixes ?? PortalOptions.DefaultOfficialSuffixes).Select(s => Pattern(s, suffix: true)).ToArray();
    private readonly HashSet<string> _allowed = new((options.AllowedDomains ?? []).Select(d => d.Trim().ToLowerInvariant()), StringComparer.Ordinal);
    private readonly Regex[] _freeMail = (options.FreeMailDomains ?? PortalOptions.DefaultFreeMail).Select(s => Pattern(s, suffix: false)).ToArray();

    /// <summary>Null when the domain may register; otherwise the reason, worded for the person registering.</summary>
    public string? Refusal(string domain, string country)
    {
        domain = domain.ToLowerInvariant();
        if (domain.Length > 253 || !DomainSyntax().IsMatch(domain))
        {
            return "The part after the @ is not a valid domain name.";
        }

        var policy = policies.Current;
        if (policy.Operator.FreeMailDomains.Any(f => domain == f || domain.EndsWith("." + f, StringComparison.Ordinal)) || _freeMail.Any(r => r.IsMatch(domain)))
        {
            return $"{domain} is a free-mail provider: anyone can open an account there, and forged data requests are sent from such accounts. Register with the address your authority issued to you.";
        }

        if (_allowed.Contains(domain) || _official.Any(r => r.IsMatch(domain)) || ListedFor(domain, country))
        {
            return null;
        }

        var contact = policy.Operator.ContactEmail is { Length: > 0 } c ? $" ({c})" : "";
        return $"{domain} is not recognised as an official government domain. The portal accepts addresses under government domains such as .gov, .gov.uk, .gouv.fr or .police.uk, and the domains listed for your country. If your authority writes from another domain, ask the platform's legal team{contact} to add it after they have checked it independently.";
    }

    private bool ListedFor(string domain, string country)
    {
        var policy = policies.Current;
        if (!policy.HasProfile(country))
        {
            return false;
        }

        foreach (var entry in policy.ProfileFor(country).OfficialEmailDomains)
        {
            var s = entry.ToLowerInvariant();
            // A bare top-level domain in a profile (".us") is open to anyone for registration; it counts only as a suffix
            // the operator chose in OfficialDomainSuffixes.
            if (!s.Trim('.').Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var match = s.StartsWith('.')
                ? domain.EndsWith(s, StringComparison.Ordinal) || domain == s[1..]
                : domain == s || domain.EndsWith("." + s, StringComparison.Ordinal);
            if (match)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// In a suffix, "xx" stands for a two-letter country code (".gov.xx" matches "police.gov.au"); in a free-mail name,
    /// "*" stands for the rest of the domain ("yahoo.*" matches "yahoo.co.uk"). A suffix matches its subdomains.
    /// </summary>
    private static Regex Pattern(string entry, bool suffix)
    {
        var e = entry.Trim().ToLowerInvariant().Trim('.');
        var body = string.Join(@"\.", e.Split('.').Select(label => label switch
        {
            "xx" when suffix => "[a-z]{2}",
            "*" => @"[a-z0-9-]+(?:\.[a-z0-9-]+)*",
            _ => Regex.Escape(label),
        }));
        // A free-mail wildcard is anchored at the start, so "live.*" refuses live.com but not a ministry's live.gov.xx.
        var start = !suffix && e.Contains('*', StringComparison.Ordinal) ? "^" : @"(?:^|\.)";
        return new Regex(start + body + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainSyntax();
}
