namespace RightsDesk.Web.Portal;

/// <summary>
/// Settings of the authority portal (section "Portal"). Lists left unset take the defaults below; a list that is set
/// replaces its default, so an operator can both widen and narrow what counts as official.
/// </summary>
public sealed class PortalOptions
{
    /// <summary>Domain suffixes treated as official; "xx" stands for a two-letter country code (".gov.xx" matches "police.gov.au").</summary>
    public string[]? OfficialDomainSuffixes { get; set; }

    /// <summary>Exact domains accepted although no suffix covers them (an international body, a court's own domain).</summary>
    public string[]? AllowedDomains { get; set; }

    /// <summary>Free-mail providers refused on top of the policy's list; "*" stands for one or more labels ("yahoo.*").</summary>
    public string[]? FreeMailDomains { get; set; }

    /// <summary>How long a released package's download link works unless staff choose otherwise.</summary>
    public TimeSpan ReleaseLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Registrations accepted for one e-mail address within <see cref="RegistrationWindow"/> (each sends a mail).</summary>
    public int RegistrationsPerAddress { get; set; } = 3;

    /// <summary>Registrations accepted for one e-mail domain (all its addresses together) within <see cref="RegistrationWindow"/>.</summary>
    public int RegistrationsPerDomain { get; set; } = 20;

    public TimeSpan RegistrationWindow { get; set; } = TimeSpan.FromHours(24);

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
