using System.Net;

namespace RightsDesk.Web.Portal;

/// <summary>
/// Settings of the authority portal (section "Portal"). Lists left unset take the defaults below; a list that is set
/// replaces its default, so an operator can both widen and narrow what counts as official.
/// </summary>
public sealed class PortalOptions
{
    /// <summary>
    /// The portal's public address (e.g. https://desk.example.org), used for links in e-mails. Without it, links are
    /// made only for requests to a loopback address: a link built from any other request's Host header could point an
    /// official's enrolment secret at a host the attacker chose.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Domain suffixes treated as official; "xx" stands for a two-letter country code (".gov.xx" matches "police.gov.au").</summary>
    public string[]? OfficialDomainSuffixes { get; set; }

    /// <summary>Exact domains accepted although no suffix covers them (an international body, a court's own domain).</summary>
    public string[]? AllowedDomains { get; set; }

    /// <summary>Free-mail providers refused on top of the policy's list; "*" stands for one or more labels ("yahoo.*").</summary>
    public string[]? FreeMailDomains { get; set; }

    /// <summary>How long a released package's download link works unless staff choose otherwise.</summary>
    public TimeSpan ReleaseLifetime { get; set; } = TimeSpan.FromDays(7);

    public static readonly string[] DefaultOfficialSuffixes =
    [
        ".gov", ".mil", ".gov.xx", ".gob.xx", ".gouv.xx", ".govt.xx", ".go.xx", ".mil.xx", ".police.uk", ".gc.ca", ".europa.eu",
        ".jus.br", ".mp.br", ".admin.ch", ".bund.de", ".polizei.de", ".justiz.de", ".politie.nl", ".overheid.nl", ".garda.ie",
    ];

    public static readonly string[] DefaultFreeMail =
    [
        "yahoo.*", "hotmail.*", "outlook.*", "live.*", "gmx.*", "protonmail.*", "proton.me", "ymail.com", "aim.com", "zohomail.*",
        "mailfence.com", "disroot.org", "riseup.net", "posteo.*", "tutamail.com", "keemail.me", "duck.com", "guerrillamail.*",
    ];
}

/// <summary>Builds absolute links for e-mails from the configured address (see <see cref="PortalOptions.BaseUrl"/>).</summary>
public sealed class PortalLinks(PortalOptions options)
{
    /// <summary>The base address for links, or null when none can be trusted for this request.</summary>
    public string? BaseUrl(HttpRequest? request)
    {
        if (Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var configured) && configured.Scheme is "https" or "http")
        {
            return configured.GetLeftPart(UriPartial.Authority) + configured.AbsolutePath.TrimEnd('/');
        }

        if (request is null)
        {
            return null;
        }

        var host = request.Host.Host;
        var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return loopback ? $"{request.Scheme}://{request.Host.Value}" : null;
    }
}
