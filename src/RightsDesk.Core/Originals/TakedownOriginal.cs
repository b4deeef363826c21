using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Exports;

namespace RightsDesk.Core.Originals;

/// <summary>One published original: where it goes (country, year, file name), its Markdown, what it took out, and
/// the header facts the indexes list.</summary>
public sealed record PublishedOriginal(
    string Country, int Year, string FileName, string Markdown, IReadOnlyList<RedactionCount> Redactions,
    string Authority, DateOnly Received, string Done)
{
    public string Path => $"{Country}/{Year.ToString(CultureInfo.InvariantCulture)}/{FileName}";
}

/// <summary>
/// A government takedown demand as a Markdown file in the manner of GitHub's gov-takedowns: a header (authority,
/// legal ground, date received, what was done), the demand's own words verbatim with personal data replaced by marked
/// placeholders, the items it named (accounts always marked), and at the end the redaction list: each kind, the rule
/// that found it and how many. The demand's words go in a fenced block, so nothing an authority wrote is read as
/// Markdown (a link, an image, HTML) by whatever renders the file.
/// </summary>
public static partial class TakedownOriginal
{
    public static PublishedOriginal Build(Demand demand, Decision decision, string deskReference, OriginalTier tier, OriginalsPolicy policy, string platform)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(policy);
        var context = RedactionContext.Of(demand);
        var counts = new List<RedactionCount>();
        string Clean(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return "";
            }

            var (clean, found) = OriginalRedactor.Apply(text, context, tier, policy);
            counts.AddRange(found);
            return clean;
        }

        var a = demand.Authority;
        var received = DateOnly.FromDateTime(demand.ReceivedAt.UtcDateTime);
        var authority = Clean(a.Name);
        var done = Done(demand, decision, platform);
        var md = new StringBuilder();
        md.Append("# ").Append(Inline(authority)).Append(" (").Append(a.Country.Value).Append("): ").Append(Inline(deskReference)).Append("\n\n");
        md.Append("| | |\n|---|---|\n");
        Row(md, "Authority", $"{authority} ({JsonNames.Of(a.Type)}, {a.Country.Value})");
        if (policy.Rule(OriginalRules.OfficialName).For(tier) is RuleAction.Keep && context.Officer is not null)
        {
            Row(md, "Signed by", context.Officer);
        }

        if (a.Reference is { Length: > 0 } reference)
        {
            Row(md, "Case number", Clean(reference));
        }

        Row(md, "Legal process", JsonNames.Of(demand.LegalProcess));
        Row(md, "Legal ground", demand.LegalBasis is null ? "not stated" : Clean(demand.LegalBasis));
        if (demand.Offence is not null)
        {
            Row(md, "Offence alleged", Clean(demand.Offence));
        }

        Row(md, "Date received", received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row(md, "What was asked", Asked(demand));
        Row(md, "What was done", done);
        Row(md, "Published for", tier is OriginalTier.Public ? "the public" : "researchers with an account");
        md.Append('\n');

        Section(md, "The demand", Clean(demand.StatementOfReasons), "The demand gave no statement of reasons.");
        if (!string.IsNullOrWhiteSpace(demand.Redress))
        {
            Section(md, "Redress stated", Clean(demand.Redress), "");
        }

        md.Append("## Items named\n\n");
        foreach (var t in demand.Targets)
        {
            md.Append("- ").Append(JsonNames.Of(t.Type)).Append(": `").Append(Code(Item(t, context, tier, policy, counts))).Append("`\n");
        }

        var merged = counts.GroupBy(c => (c.Kind, c.Rule)).Select(g => new RedactionCount(g.Key.Kind, g.Key.Rule, g.Sum(c => c.Count)))
            .OrderBy(c => OriginalRules.All.ToList().IndexOf(c.Rule)).ThenBy(c => c.Kind).ToList();
        md.Append("\n## Redactions\n\n");
        if (merged.Count == 0)
        {
            md.Append("Nothing was redacted.\n");
        }
        else
        {
            md.Append("| Kind | Rule | Count | Why |\n|---|---|---|---|\n");
            foreach (var c in merged)
            {
                md.Append("| ").Append(JsonNames.Of(c.Kind)).Append(" | ").Append(c.Rule).Append(" | ")
                    .Append(c.Count.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Inline(policy.Rule(c.Rule).Reason)).Append(" |\n");
            }
        }

        var name = $"{received:yyyy-MM-dd}-{Slug(deskReference)}.md";
        return new PublishedOriginal(a.Country.Value, received.Year, name, md.ToString(), merged, authority, received, done);
    }

    /// <summary>A target as published: an account is always its mark; the other kinds go through the rules.</summary>
    private static string Item(Target t, RedactionContext context, OriginalTier tier, OriginalsPolicy policy, List<RedactionCount> counts)
    {
        if (AccountIdentifiers.NamesAccount(t) || t.Type is TargetType.Email or TargetType.Phone)
        {
            var kind = t.Type switch { TargetType.Email => OriginalRedactionKind.Email, TargetType.Phone => OriginalRedactionKind.Phone, _ => OriginalRedactionKind.Account };
            var rule = t.Type switch { TargetType.Email => OriginalRules.EmailAddress, TargetType.Phone => OriginalRules.PhoneNumber, _ => OriginalRules.AccountTarget };
            counts.Add(new RedactionCount(kind, rule, 1));
            return OriginalRules.Mark(kind);
        }

        var (clean, found) = OriginalRedactor.Apply(t.Id.Trim(), context, tier, policy);
        counts.AddRange(found);
        return clean;
    }

    public static string Done(Demand demand, Decision decision, string platform)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Outcome switch
        {
            Recommendation.RestrictInJurisdiction => $"{platform} restricted it{Where(decision.AuthorisedTerritories)} ({LumenNotice.ActionTaken(demand, decision) switch { "Yes" => "as asked", _ => "in fewer places than asked" }}).",
            Recommendation.Challenge => $"{platform} challenged the demand and restricted nothing.",
            Recommendation.RouteViaMlat => $"{platform} declined and asked the authority to use mutual legal assistance; nothing was restricted.",
            _ => $"{platform} refused the demand; nothing was restricted.",
        };
    }

    private static string Asked(Demand demand)
    {
        var items = demand.Targets.Count == 1 ? "1 item" : $"{demand.Targets.Count.ToString(CultureInfo.InvariantCulture)} items";
        return demand.Restriction is { } r ? $"{JsonNames.Of(r.Action)} {items}{Where(r.Territories)}" : $"restrict {items}";
    }

    private static string Where(IReadOnlyList<string> territories) =>
        territories.Count == 0 ? "" : territories.Contains("*") ? " worldwide" : " in " + string.Join(", ", territories);

    private static void Row(StringBuilder md, string name, string value) => md.Append("| ").Append(name).Append(" | ").Append(Inline(value)).Append(" |\n");

    /// <summary>The words verbatim inside a fence longer than any run of backticks or tildes in them.</summary>
    private static void Section(StringBuilder md, string title, string text, string empty)
    {
        md.Append("## ").Append(title).Append("\n\n");
        if (text.Length == 0)
        {
            md.Append(empty).Append("\n\n");
            return;
        }

        var longest = FenceRun().Matches(text).Select(m => m.Length).DefaultIfEmpty(0).Max();
        var fence = new string('~', Math.Max(3, longest + 1));
        md.Append(fence).Append("text\n").Append(text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n')).Append('\n').Append(fence).Append("\n\n");
    }

    /// <summary>One line of a table or heading, line breaks as spaces, with the characters escaped that would make
    /// markup of it (emphasis, code, HTML, a table cell's end, a link's target); brackets alone stay, so a mark reads
    /// <c>[redacted: email]</c> in the file as on the page.</summary>
    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = MarkdownSpecial().Replace(Whitespace().Replace(text, " ").Trim(), @"\$0");
        return line.Replace("](", @"]\(", StringComparison.Ordinal);
    }

    /// <summary>Inside a code span a backtick would end it; the item's text is shown with backticks as quotes.</summary>
    private static string Code(string text) => Whitespace().Replace(text, " ").Replace('`', '\'');

    public static string Slug(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var slug = NotSlug().Replace(reference.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "demand" : slug[..Math.Min(slug.Length, 60)].TrimEnd('-');
    }

    [GeneratedRegex(@"[`~]{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex FenceRun();

    [GeneratedRegex(@"[\\`*_<>|~]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownSpecial();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlug();
}
