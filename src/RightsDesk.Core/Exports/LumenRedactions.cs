using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Exports;

/// <summary>What a Lumen notice had taken out, each kind with the reason a reader of the notice is given.</summary>
public enum LumenRedactionKind { Account, Email, Phone, Official }

/// <summary>One redaction in a Lumen notice: where (the field's path in the notice), what kind, and why.</summary>
public sealed record LumenRedaction(string Field, LumenRedactionKind Kind)
{
    public const string AccountMark = "[redacted: account]";

    public string Reason => Reasons[Kind];

    /// <summary>Lumen's own redactions say "[REDACTED]" and nothing else (users ask why, and who did it); these say both.</summary>
    public static readonly IReadOnlyDictionary<LumenRedactionKind, string> Reasons = new Dictionary<LumenRedactionKind, string>
    {
        [LumenRedactionKind.Account] = "An account URL or handle identifies the user who posted: personal data (GDPR Art. 4(1)) that a public database must not carry. The platform redacted it; the content's own URL is kept where it names no account.",
        [LumenRedactionKind.Email] = "An e-mail address identifies a person: the platform redacted it before submission.",
        [LumenRedactionKind.Phone] = "A phone number identifies a person: the platform redacted it before submission.",
        [LumenRedactionKind.Official] = "The official who signed the demand is not named and their contact details are left out (personal data); the authority is named instead.",
    };
}

/// <summary>
/// Which targets of a takedown demand name a user. An account, a handle, or a URL that leads to an account (a
/// profile, an <c>@handle</c> path, a <c>/users/NAME</c> path, a query naming the user) is personal data; the URL of a
/// post that names no account is what Lumen exists to show. The rules lean wide, as the free-text redactor does: the
/// cost of a miss is a published account.
/// </summary>
public static class AccountIdentifiers
{
    private static readonly HashSet<string> ProfileSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "user", "users", "u", "profile", "profiles", "account", "accounts", "people", "member", "members", "channel", "c", "author", "authors",
    };

    private static readonly HashSet<string> UserQueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "user", "u", "uid", "userid", "user_id", "account", "profile", "handle", "author", "id",
    };

    public static bool NamesAccount(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Type switch
        {
            TargetType.Account => true,
            TargetType.Url or TargetType.Content => IsAccountUrl(target.Id) || target.Id.TrimStart().StartsWith('@'),
            _ => false,
        };
    }

    public static bool IsAccountUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        if (segments.Any(s => s.StartsWith('@') || s.StartsWith('~')))
        {
            return true;
        }

        if (segments.Take(segments.Count - 1).Any(ProfileSegments.Contains))
        {
            return true;
        }

        // A bare name under the host (example.com/jana) is a profile on most platforms; a bare number is a post, and a
        // page with a query (example.com/watch?v=...) is a page showing an item.
        if (segments.Count == 1 && url.Query.Length == 0 && !segments[0].All(char.IsAsciiDigit))
        {
            return true;
        }

        var query = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]);
        return query.Any(UserQueryKeys.Contains);
    }
}
