namespace RightsDesk.Core.Originals;

/// <summary>The two audiences a published original is written for: anyone, or a researcher signed in with an account.</summary>
public enum OriginalTier { Public, Researcher }

/// <summary>What a redaction took out of a published original; each has its own mark in the text.</summary>
public enum OriginalRedactionKind { Account, Email, Phone, Name, Official, CaseNumber }

/// <summary>What a tier does with what a rule finds.</summary>
public enum RuleAction { Redact, Keep }

/// <summary>One row of the rule table: what the rule finds, why, and what each tier does with it.</summary>
public sealed record RedactionRule(string Id, string Finds, string Reason, RuleAction Public, RuleAction Researcher)
{
    public RuleAction For(OriginalTier tier) => tier is OriginalTier.Public ? Public : Researcher;
}

/// <summary>
/// The rule table for published originals (policy/originals.json). The rules themselves (what each finds) are code,
/// since a finder is a parser; what each tier does with a finding, and the reason given to readers, are policy, so an
/// operator decides whether researchers see an official's name without a release. Every rule the redactor knows must
/// have a row: a rule missing from the table would otherwise be silently kept or silently redacted.
/// </summary>
public sealed record OriginalsPolicy(IReadOnlyList<RedactionRule> Rules)
{
    public const string File = "originals.json";

    public RedactionRule Rule(string id) => Rules.FirstOrDefault(r => r.Id == id)
        ?? throw new Policy.PolicyException(File, $"has no rule '{id}'.");

    public void Validate()
    {
        foreach (var id in OriginalRules.All)
        {
            var rows = Rules.Count(r => r.Id == id);
            if (rows != 1)
            {
                throw new Policy.PolicyException(File, rows == 0
                    ? $"rules has no row for '{id}': say what the public and researcher tiers do with what it finds."
                    : $"rules has {rows} rows for '{id}'; give one.");
            }
        }

        if (Rules.FirstOrDefault(r => !OriginalRules.All.Contains(r.Id)) is { } unknown)
        {
            throw new Policy.PolicyException(File, $"rules names '{unknown.Id}', which no redaction rule finds (known: {string.Join(", ", OriginalRules.All)}).");
        }

        if (Rules.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Reason) || string.IsNullOrWhiteSpace(r.Finds)) is { } bare)
        {
            throw new Policy.PolicyException(File, $"rule '{bare.Id}' needs 'finds' and 'reason': each redaction is explained to the reader.");
        }

        // The public tier is the one without an account: it never sees a private person's data, whatever the table says.
        if (Rules.FirstOrDefault(r => OriginalRules.Private.Contains(r.Id) && (r.Public is RuleAction.Keep || r.Researcher is RuleAction.Keep)) is { } leak)
        {
            throw new Policy.PolicyException(File, $"rule '{leak.Id}' finds a private person's data, which neither tier may keep.");
        }
    }
}

/// <summary>The rules the redactor applies, by the ids the rule table and the redaction lists use.</summary>
public static class OriginalRules
{
    public const string CaseNumber = "case-number";
    public const string OfficialName = "official-name";
    public const string OfficialContact = "official-contact";
    public const string AccountTarget = "account-target";
    public const string EmailAddress = "email-address";
    public const string AccountUrl = "account-url";
    public const string AccountHandle = "account-handle";
    public const string PhoneNumber = "phone-number";
    public const string PersonTitle = "person-title";
    public const string NameFromIdentifier = "name-from-identifier";

    /// <summary>In the order they claim text: an earlier rule's finding wins where two overlap.</summary>
    public static readonly IReadOnlyList<string> All =
        [CaseNumber, OfficialName, OfficialContact, AccountTarget, EmailAddress, AccountUrl, AccountHandle, PhoneNumber, PersonTitle, NameFromIdentifier];

    /// <summary>The rules that find private people's data (not officials', not the case's number).</summary>
    public static readonly IReadOnlySet<string> Private = new HashSet<string>(StringComparer.Ordinal)
        { AccountTarget, EmailAddress, AccountUrl, AccountHandle, PhoneNumber, PersonTitle, NameFromIdentifier };

    public static string Mark(OriginalRedactionKind kind) => kind switch
    {
        OriginalRedactionKind.Account => "[redacted: account]",
        OriginalRedactionKind.Email => "[redacted: email]",
        OriginalRedactionKind.Phone => "[redacted: phone]",
        OriginalRedactionKind.Name => "[redacted: name]",
        OriginalRedactionKind.Official => "[redacted: official]",
        _ => "[redacted: case number]",
    };
}
