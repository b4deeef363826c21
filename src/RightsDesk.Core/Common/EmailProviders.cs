namespace RightsDesk.Core.Common;

/// <summary>
/// How the big mail providers read the local part of an address, so the same mailbox written two ways is one
/// identifier: Gmail ignores dots and everything after a plus and treats googlemail.com as gmail.com; Proton ignores
/// dots, hyphens and underscores, takes plus aliases, and one user name holds across its domains; Microsoft, Apple
/// and Fastmail take plus aliases. Other domains keep their local part as written (lower-cased), since a mail
/// server may read dots and pluses as part of the name.
/// </summary>
public static class EmailProviders
{
    private sealed record Rule(string Domain, bool PlusAlias, string IgnoredCharacters);

    private static readonly Rule Gmail = new("gmail.com", true, ".");
    private static readonly Rule Proton = new("proton.me", true, ".-_");

    private static readonly Dictionary<string, Rule> ByDomain = new(StringComparer.Ordinal)
    {
        ["gmail.com"] = Gmail, ["googlemail.com"] = Gmail,
        ["proton.me"] = Proton, ["protonmail.com"] = Proton, ["protonmail.ch"] = Proton, ["pm.me"] = Proton,
        ["outlook.com"] = Keep("outlook.com"), ["hotmail.com"] = Keep("hotmail.com"), ["live.com"] = Keep("live.com"),
        ["icloud.com"] = Keep("icloud.com"), ["me.com"] = Keep("me.com"), ["mac.com"] = Keep("mac.com"),
        ["fastmail.com"] = Keep("fastmail.com"),
    };

    /// <summary>The canonical address for a lower-cased local part and an ASCII domain.</summary>
    public static string Canonical(string local, string domain)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(domain);
        if (!ByDomain.TryGetValue(domain, out var rule))
        {
            return local + "@" + domain;
        }

        if (rule.PlusAlias && local.IndexOf('+', StringComparison.Ordinal) is var plus and > 0)
        {
            local = local[..plus];
        }

        foreach (var c in rule.IgnoredCharacters)
        {
            local = local.Replace(c.ToString(), "", StringComparison.Ordinal);
        }

        return local + "@" + rule.Domain;
    }

    private static Rule Keep(string domain) => new(domain, true, "");
}
