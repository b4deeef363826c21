namespace RightsDesk.Core.Moderation;

/// <summary>The proportionality ladder, least restrictive first: a label before a removal, a removal before a ban.
/// The order is the point; the numbers are stored nowhere (rungs are stored by name).</summary>
public enum Rung
{
    Label, Demote, RestrictInteraction, AgeRestrict, GeoRestrict, Remove, Suspend, Terminate,
}

/// <summary>
/// The moderation part of the policy (policy/moderation.json): which Transparency Database value stands on which
/// rung, the default rung per category, the categories whose fully automated account measures need no person, and
/// how long an indefinite measure runs before it comes up for review, and the appeal window and review deadline. Versioned with the rest of the policy.
/// </summary>
public sealed record ModerationPolicy(
    IReadOnlyDictionary<string, Rung> Measures,
    IReadOnlyDictionary<string, Rung> CategoryDefaults,
    Rung DefaultRung,
    IReadOnlyList<string> AutomatedAccountMeasureExempt,
    int IndefiniteReviewDays,
    int AppealDays,
    int AppealReviewDays = 14,
    IllegalContentNotices.NoticeCampaignPolicy? NoticeCampaign = null,
    Misuse.Art23Policy? Art23 = null)
{
    /// <summary>The DSA Art. 23 thresholds and periods for misuse; the defaults when the file does not say.</summary>
    public Misuse.Art23Policy Misuse => Art23 ?? new();

    /// <summary>The coordinated-campaign thresholds for notices; the defaults when the file does not say.</summary>
    public IllegalContentNotices.NoticeCampaignPolicy Campaign => NoticeCampaign ?? new();

    /// <summary>Art. 20(1): complaints are open for at least six months after the decision.</summary>
    public const int MinimumAppealDays = 183;

    /// <summary>The rung of a decision: its most restrictive measure. Content removed or disabled only in some
    /// countries is a geo-restriction, not a removal.</summary>
    public Rung Place(ModerationDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var measures = d.DecisionVisibility
            .Concat(new[] { d.DecisionMonetary, d.DecisionProvision, d.DecisionAccount }.OfType<string>())
            .Select(m => Measures.TryGetValue(m, out var rung) ? rung : Rung.Remove)
            .Select(r => r == Rung.Remove && !d.Global ? Rung.GeoRestrict : r)
            .ToList();
        return measures.Count == 0 ? Rung.Label : measures.Max();
    }

    public Rung DefaultFor(string category) => CategoryDefaults.TryGetValue(category, out var rung) ? rung : DefaultRung;

    /// <exception cref="Policy.PolicyException">naming what is wrong.</exception>
    public void Validate()
    {
        const string file = "moderation.json";
        foreach (var key in Measures.Keys.Where(k => !Known(k)))
        {
            throw new Policy.PolicyException(file, $"measures: '{key}' is not a Transparency Database decision value.");
        }

        foreach (var key in CategoryDefaults.Keys.Concat(AutomatedAccountMeasureExempt).Where(k => !Tdb.Category.Contains(k, StringComparer.Ordinal)))
        {
            throw new Policy.PolicyException(file, $"'{key}' is not a Transparency Database category (STATEMENT_CATEGORY_...).");
        }

        if (IndefiniteReviewDays is < 1 or > 730)
        {
            throw new Policy.PolicyException(file, "indefiniteReviewDays must be between 1 and 730: an indefinite measure is reassessed at least every two years.");
        }

        if (AppealDays < MinimumAppealDays)
        {
            throw new Policy.PolicyException(file, $"appealDays must be at least {MinimumAppealDays} (DSA Art. 20(1): at least six months).");
        }

        if (AppealReviewDays is < 1 or > 90)
        {
            throw new Policy.PolicyException(file, "appealReviewDays must be between 1 and 90: an appeal is decided in a timely manner (DSA Art. 20(4)).");
        }

        Campaign.Validate();
        Misuse.Validate();
    }

    private static bool Known(string value) =>
        Tdb.DecisionVisibility.Concat(Tdb.DecisionMonetary).Concat(Tdb.DecisionProvision).Concat(Tdb.DecisionAccount).Contains(value, StringComparer.Ordinal);
}
