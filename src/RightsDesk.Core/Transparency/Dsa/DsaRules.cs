using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// Which demands are DSA orders and where they fall in the template. Only authorities of the 27 Member States issue
/// orders under Arts. 9 and 10; a demand from elsewhere, a network disruption (not an order about specific items)
/// and a demand caught as forged or unverified (no authority issued it) are not counted. The desk classifies the law
/// a demand rests on by the policy's offence catalogue, not by the template's keywords, so only the two offence
/// categories that name one keyword unambiguously are placed there; every other order is "not specified by the
/// public authority" (category 16), which is what the authority's order itself leaves open.
/// </summary>
public static class DsaRules
{
    /// <summary>ISO 3166-1 alpha-2 codes of the Member States in the template's order (Greece as GR, not EL).</summary>
    public static readonly IReadOnlyList<string> MemberStates =
    [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ];

    private static readonly Dictionary<string, (string Category, string Keyword)> OffenceToTemplate = new(StringComparer.Ordinal)
    {
        ["terrorism"] = ("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "KEYWORD_TERRORIST_CONTENT"),
        ["defamation"] = ("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_DEFAMATION"),
    };

    /// <param name="acknowledgedAt">When the acknowledgement of receipt went to the authority, if it did.</param>
    public static DsaOrder? Order(DemandFact fact, DateTimeOffset? acknowledgedAt = null)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!MemberStates.Contains(fact.Country, StringComparer.Ordinal) || fact.ForgedOrUnverified)
        {
            return null;
        }

        DsaOrderKind? kind = fact.Kind switch
        {
            DemandKind.ContentRestriction or DemandKind.AccountRestriction => DsaOrderKind.ActAgainstContent,
            DemandKind.UserData or DemandKind.Preservation => DsaOrderKind.ProvideInformation,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var given = fact.Outcome is ReportOutcome.AllData or ReportOutcome.SomeData ? fact.HoursToComplete : null;
        var (category, keyword) = OffenceToTemplate.TryGetValue(fact.OffenceCategory, out var mapped)
            ? mapped
            : (DsaCategories.NotSpecifiedOrder, (string?)null);
        var inform = acknowledgedAt is { } at ? (double?)TimeToAcknowledge.Hours(fact.ReceivedAt, at) : null;
        return new DsaOrder(fact.Country, kind.Value, category, keyword, kind == DsaOrderKind.ActAgainstContent ? fact.ItemsRequested : 0, given, inform);
    }

    /// <summary>The median of the hours (the mean of the two middle values for an even count), or null for none.</summary>
    public static double? Median(IEnumerable<double> hours)
    {
        var sorted = hours.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
