using System.Text;
using System.Text.RegularExpressions;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Exports;

namespace RightsDesk.Core.Originals;

/// <summary>One finding: where, what kind of data, under which rule.</summary>
public sealed record Finding(int Start, int Length, OriginalRedactionKind Kind, string Rule);

/// <summary>How many of one kind one rule took out of one original: a line of its redaction list.</summary>
public sealed record RedactionCount(OriginalRedactionKind Kind, string Rule, int Count);

/// <summary>What the redactor knows of the demand besides its words: who signed it, how the authority gave its
/// contacts, its own case number, the accounts it names, and the regions whose national phone numbers to read.</summary>
public sealed record RedactionContext(string? Officer, IReadOnlyList<string> OfficialContacts, string? CaseNumber, IReadOnlyList<string> Accounts, IReadOnlyList<string> Regions)
{
    public static RedactionContext Of(Demand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        var a = demand.Authority;
        var regions = new[] { a.Country.Value }.Concat(demand.Restriction?.Territories.Where(t => t.Length == 2) ?? []).Distinct(StringComparer.Ordinal).Take(3).ToList();
        var accounts = demand.Targets.Where(AccountIdentifiers.NamesAccount).Select(t => t.Id.Trim()).Where(t => t.Length > 0).ToList();
        string?[] contacts = [a.Email, a.Phone];
        return new RedactionContext(Blank(a.Officer), [.. contacts.Select(Blank).OfType<string>()], Blank(a.Reference), accounts, regions);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Finds the personal data in a demand's own words and replaces what the tier may not show by a marked placeholder
/// (<c>[redacted: email]</c>), tallying each kind under its rule. E-mail addresses and phone numbers are found by the
/// export's <see cref="FreeTextRedactor"/> (libphonenumber, not a digit pattern, so dates, statutes and case numbers
/// stay) and accounts by the Lumen export's <see cref="AccountIdentifiers"/>; names of private people by the two
/// signs prose gives of them: a title before them (Ms, Herr, Sra.), or the same word in an address or handle the
/// text also holds (Jana in jana.novak@...). A name with neither sign is not found by any rule, which is why each
/// published file lists the rules that ran and what each took out: a reader knows what was looked for.
/// </summary>
public static partial class OriginalRedactor
{
    public static IReadOnlyList<Finding> Find(string text, RedactionContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var found = new List<Finding>();
        void Exact(string? value, OriginalRedactionKind kind, string rule)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new Finding(at, value.Length, kind, rule));
            }
        }

        Exact(context.CaseNumber, OriginalRedactionKind.CaseNumber, OriginalRules.CaseNumber);
        Exact(context.Officer, OriginalRedactionKind.Official, OriginalRules.OfficialName);
        foreach (var contact in context.OfficialContacts)
        {
            Exact(contact, contact.Contains('@', StringComparison.Ordinal) ? OriginalRedactionKind.Email : OriginalRedactionKind.Phone, OriginalRules.OfficialContact);
        }

        foreach (var account in context.Accounts)
        {
            Exact(account, OriginalRedactionKind.Account, OriginalRules.AccountTarget);
        }

        var contacts = FreeTextRedactor.Find(text, context.Regions);
        found.AddRange(contacts.Where(c => c.Kind is RedactionKind.Email).Select(c => new Finding(c.Start, c.Length, OriginalRedactionKind.Email, OriginalRules.EmailAddress)));
        foreach (Match url in UrlPattern().Matches(text))
        {
            if (AccountIdentifiers.IsAccountUrl(url.Value))
            {
                found.Add(new Finding(url.Index, url.Length, OriginalRedactionKind.Account, OriginalRules.AccountUrl));
            }
        }

        found.AddRange(HandlePattern().Matches(text).Select(m => new Finding(m.Index, m.Length, OriginalRedactionKind.Account, OriginalRules.AccountHandle)));
        found.AddRange(contacts.Where(c => c.Kind is RedactionKind.Phone).Select(c => new Finding(c.Start, c.Length, OriginalRedactionKind.Phone, OriginalRules.PhoneNumber)));
        found.AddRange(TitledName().Matches(text).Select(m => new Finding(m.Groups["name"].Index, m.Groups["name"].Length, OriginalRedactionKind.Name, OriginalRules.PersonTitle)));
        var accepted = Resolve(found);

        // A word of a private person's address or handle, written as a name elsewhere in the text, is that person's name.
        var parts = accepted.Where(f => OriginalRules.Private.Contains(f.Rule) && f.Kind is OriginalRedactionKind.Email or OriginalRedactionKind.Account)
            .SelectMany(f => NameParts(text.Substring(f.Start, f.Length))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (parts.Count > 0)
        {
            var names = CapitalisedWord().Matches(text).Where(m => parts.Contains(m.Value))
                .Select(m => new Finding(m.Index, m.Length, OriginalRedactionKind.Name, OriginalRules.NameFromIdentifier));
            accepted = Resolve([.. accepted, .. names]);
        }

        return accepted;
    }

    /// <summary>The text as <paramref name="tier"/> may read it, and the count per kind and rule of what was taken out.</summary>
    public static (string Text, IReadOnlyList<RedactionCount> Counts) Apply(string text, RedactionContext context, OriginalTier tier, OriginalsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var redacted = Find(text, context).Where(f => policy.Rule(f.Rule).For(tier) is RuleAction.Redact).OrderBy(f => f.Start).ToList();
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var f in redacted)
        {
            builder.Append(text, at, f.Start - at).Append(OriginalRules.Mark(f.Kind));
            at = f.Start + f.Length;
        }

        builder.Append(text, at, text.Length - at);
        var counts = redacted.GroupBy(f => (f.Kind, f.Rule)).Select(g => new RedactionCount(g.Key.Kind, g.Key.Rule, g.Count())).ToList();
        return (builder.ToString(), counts);
    }

    /// <summary>Keeps findings in rule order, each only where no earlier rule's finding already stands.</summary>
    private static List<Finding> Resolve(IEnumerable<Finding> found)
    {
        var accepted = new List<Finding>();
        foreach (var f in found.Where(f => f.Length > 0).OrderBy(f => Rank(f.Rule)).ThenBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (!accepted.Any(a => f.Start < a.Start + a.Length && a.Start < f.Start + f.Length))
            {
                accepted.Add(f);
            }
        }

        return accepted;
    }

    private static int Rank(string rule)
    {
        for (var i = 0; i < OriginalRules.All.Count; i++)
        {
            if (OriginalRules.All[i] == rule)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The words of an address's local part or a handle (jana.novak, @jana_novak): three letters or more,
    /// so an initial (m.vogel) does not turn every M in the text into a name.</summary>
    private static IEnumerable<string> NameParts(string identifier)
    {
        var local = identifier.TrimStart('@');
        var cut = local.IndexOfAny(['@', '/']);
        if (identifier.Contains("://", StringComparison.Ordinal))
        {
            local = identifier[(identifier.LastIndexOf('@') + 1)..].Split('/', '?')[0];
        }
        else if (cut > 0)
        {
            local = local[..cut];
        }

        return NameSplit().Split(local).Where(p => p.Length >= 3 && p.All(char.IsLetter));
    }

    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    /// <summary>@name and @name@instance, not the @ of an address (a word character or dot before it).</summary>
    [GeneratedRegex(@"(?<![\w.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?", RegexOptions.CultureInvariant)]
    private static partial Regex HandlePattern();

    /// <summary>A title and the one to three capitalised words after it, in the languages demands most often arrive in.</summary>
    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Herr|Frau|Mme|Mlle|Monsieur|Madame|Sr|Sra|Srta|Señor|Señora|Sig|Sig\.ra|Bay|Bayan|Hr|Fr)\.?\s+(?<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex TitledName();

    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+\b", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"[._\-+0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NameSplit();
}
