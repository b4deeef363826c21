using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.IllegalContentNotices;

/// <summary>What a notice is against, for counting clusters: each content item, and the account it belongs to where
/// the address says (a profile, a handle, or a post under <c>/@user/…</c> or <c>/users/user/…</c>).</summary>
public sealed record NoticeTarget(string Kind, string Canonical);

public static class NoticeTargets
{
    public const string ContentKind = "content";
    public const string AccountKind = "account";

    public static IReadOnlyList<NoticeTarget> Of(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var targets = new List<NoticeTarget>();
        foreach (var item in items)
        {
            targets.Add(new NoticeTarget(ContentKind, Identifiers.Canonical(TargetType.Url, item)));
            if (Account(item) is { } account)
            {
                targets.Add(new NoticeTarget(AccountKind, account));
            }
        }

        return targets.Distinct().ToList();
    }

    /// <summary>The account an item names or belongs to, canonical (<c>@user@instance</c>), or null.</summary>
    public static string? Account(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var whole = Identifiers.Canonical(TargetType.Url, item);
        if (whole.StartsWith('@'))
        {
            return whole;
        }

        if (!Uri.TryCreate(item.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = parts.Length >= 2 && parts[0].StartsWith('@') && parts[0].Length > 1 ? parts[0][1..]
            : parts.Length >= 3 && parts[0] == "users" ? parts[1]
            : null;
        return name is null || name.Contains('@', StringComparison.Ordinal)
            ? null
            : Identifiers.Canonical(TargetType.Account, $"https://{uri.IdnHost}/@{name}");
    }
}
