using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Transparency;

/// <summary>
/// The demands' part of a transparency report: user data, preservation, restriction and network disruption demands
/// received in the period, broken down the way Google, Meta, Microsoft and Apple report them, computed from the
/// de-identified case records alone.
/// </summary>
public static class DemandReport
{
    public const string Source = "demands";

    public static ReportSection Compute(IReadOnlyList<DemandFact> all, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        // One record per case: a case counted twice would inflate every total it is in.
        var cases = all.Where(f => period.Contains(f.ReceivedAt)).DistinctBy(f => f.CaseHash, StringComparer.Ordinal).ToList();
        var b = new SectionBuilder(Source);
        UserData(b, "user_data", cases.Where(c => c.Kind == DemandKind.UserData).ToList(), full: true);
        UserData(b, "preservation", cases.Where(c => c.Kind == DemandKind.Preservation).ToList(), full: false);
        Restrictions(b, cases.Where(c => c.Kind is DemandKind.ContentRestriction or DemandKind.AccountRestriction).ToList());
        Disruptions(b, cases.Where(c => c.Kind == DemandKind.NetworkDisruption).ToList());
        return b.Build();
    }

    private static void UserData(SectionBuilder b, string prefix, List<DemandFact> cases, bool full)
    {
        var totals = prefix + "_totals";
        var requests = b.Total(totals, "requests", cases.Count, "requests");
        var specified = b.Total(totals, "accounts_specified", cases.Sum(c => (long)c.AccountsSpecified), "accounts");
        var affected = b.Total(totals, "accounts_affected", cases.Sum(c => (long)c.AccountsAffected), "accounts");
        (FigureKey, Func<DemandFact, long>, string)[] measures = [(requests, _ => 1, "requests"), (specified, c => c.AccountsSpecified, "accounts"), (affected, c => c.AccountsAffected, "accounts")];
        foreach (var (table, dimension, value) in Dimensions(full))
        {
            b.Breakdowns($"{prefix}_by_{table}", dimension, cases, value.Of, measures, value.Always);
        }

        b.Breakdown(requests, $"{prefix}_by_outcome", "outcome", cases, c => Words.Of(c.Outcome), _ => 1, "requests", Words.All<ReportOutcome>(), shares: true);
        if (full)
        {
            b.Breakdown(requests, $"{prefix}_by_data", "data", cases, c => Words.Of(c.Data), _ => 1, "requests", Words.All<DataScope>(), shares: true);
            b.Total(totals, "mlat_routed", cases.Count(c => c.MlatRouted), "requests");
            b.Total(totals, "forged_or_unverified_caught", cases.Count(c => c.ForgedOrUnverified), "requests");
        }

        Times(b, prefix, cases);
    }

    private sealed record Dim(Func<DemandFact, string> Of, IEnumerable<string>? Always);

    private static IEnumerable<(string Table, string Dimension, Dim Value)> Dimensions(bool full)
    {
        yield return ("country", "country", new Dim(c => c.Country, null));
        if (!full)
        {
            yield break;
        }

        yield return ("authority", "authority_type", new Dim(c => Words.Of(c.AuthorityType), Words.All<AuthorityType>()));
        yield return ("process", "legal_process", new Dim(c => Words.Of(c.LegalProcess), Words.All<LegalProcess>()));
        yield return ("emergency", "emergency", new Dim(c => c.Emergency ? "emergency" : "legalProcess", ["emergency", "legalProcess"]));
    }

    private static void Restrictions(SectionBuilder b, List<DemandFact> cases)
    {
        const string totals = "restriction_totals";
        var requests = b.Total(totals, "requests", cases.Count, "requests");
        var requested = b.Total(totals, "items_requested", cases.Sum(c => (long)c.ItemsRequested), "items");
        var restricted = b.Total(totals, "items_restricted", cases.Sum(c => (long)c.ItemsRestricted), "items");
        var dims = new (string Table, string Dimension, Func<DemandFact, string> Of, IEnumerable<string>? Always)[]
        {
            ("country", "country", c => c.Country, null),
            ("kind", "kind", c => Words.Of(c.Kind), [Words.Of(DemandKind.ContentRestriction), Words.Of(DemandKind.AccountRestriction)]),
            ("authority", "authority_type", c => Words.Of(c.AuthorityType), Words.All<AuthorityType>()),
            ("process", "legal_process", c => Words.Of(c.LegalProcess), Words.All<LegalProcess>()),
            ("offence", "offence_category", c => c.OffenceCategory, null),
            ("action", "action", c => c.Action is { } a ? Words.Of(a) : "notStated", null),
            ("scope", "territorial_scope", c => Words.Of(c.Scope), Words.All<TerritorialScope>()),
        };
        (FigureKey, Func<DemandFact, long>, string)[] measures = [(requests, _ => 1, "requests"), (requested, c => c.ItemsRequested, "items"), (restricted, c => c.ItemsRestricted, "items")];
        foreach (var (table, dimension, of, always) in dims)
        {
            b.Breakdowns($"restriction_by_{table}", dimension, cases, of, measures, always);
        }

        b.Breakdown(requests, "restriction_by_outcome", "outcome", cases, c => Words.Of(c.Outcome), _ => 1, "requests", Words.All<ReportOutcome>(), shares: true);
        b.Breakdown(restricted, "restriction_by_effect", "effect", cases, c => Words.Of(c.Effect), c => c.ItemsRestricted, "items", Words.All<RestrictionEffect>(), shares: true);
        Times(b, "restriction", cases);
    }

    private static void Disruptions(SectionBuilder b, List<DemandFact> cases)
    {
        var requests = b.Total("disruption_totals", "requests", cases.Count, "requests");
        b.Breakdown(requests, "disruption_by_country", "country", cases, c => c.Country, _ => 1, "requests");
        b.Breakdown(requests, "disruption_by_outcome", "outcome", cases, c => Words.Of(c.Outcome), _ => 1, "requests", Words.All<ReportOutcome>(), shares: true);
    }

    private static void Times(SectionBuilder b, string prefix, List<DemandFact> cases)
    {
        var decided = cases.Where(c => c.HoursToDecide is not null).Select(c => c.HoursToDecide!.Value).ToList();
        var completed = cases.Where(c => c.HoursToComplete is not null).Select(c => c.HoursToComplete!.Value).ToList();
        b.Durations(prefix + "_times", "hours_to_decide", decided, b.Total(prefix + "_totals", "decided", decided.Count, "requests"));
        b.Durations(prefix + "_times", "hours_to_complete", completed, b.Total(prefix + "_totals", "completed", completed.Count, "requests"));
    }
}
