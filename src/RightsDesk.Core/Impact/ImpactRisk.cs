namespace RightsDesk.Core.Impact;

/// <summary>A component rated 1–4, with the reason a reader can check.</summary>
public sealed record Rated(int Value, string Rationale);

/// <summary>
/// One rating of a risk: scale, scope and irremediability, and likelihood for a potential impact only (an actual
/// impact has happened; giving it a likelihood would let probability discount it).
/// </summary>
public sealed record RiskRating(Rated Scale, Rated Scope, Rated Irremediability, Rated? Likelihood)
{
    public int Severity(SeverityRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Score(Scale.Value, Scope.Value, Irremediability.Value);
    }
}

/// <summary>A group affected in a country (defenders, journalists, women, LGBTI people, minorities, children).</summary>
public sealed record AffectedGroup(string Group, string Country);

/// <summary>
/// A risk to rights-holders. <see cref="Inherent"/> is the rating before mitigation; <see cref="Residual"/> the
/// rating with the plan in place, once it can be judged.
/// </summary>
public sealed record ImpactRisk(
    string Title,
    IReadOnlyList<string> Rights,
    IReadOnlyList<AffectedGroup> Groups,
    ImpactNature Nature,
    Involvement Involvement,
    SystemicRiskCategory? SystemicRisk,
    RiskRating Inherent,
    RiskRating? Residual,
    IReadOnlyList<string> Evidence);

/// <summary>
/// The order risks are worked in and shown (UNGP 24: the most severe first): severity, then actual before potential,
/// then likelihood. A severe but unlikely risk comes before a mild but likely one.
/// </summary>
public static class RiskOrder
{
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, ImpactRisk> risk, SeverityRule rule)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return items
            .OrderByDescending(i => risk(i).Inherent.Severity(rule))
            .ThenBy(i => risk(i).Nature == ImpactNature.Actual ? 0 : 1)
            .ThenByDescending(i => risk(i).Inherent.Likelihood?.Value ?? 0)
            .ThenBy(i => risk(i).Title, StringComparer.Ordinal)
            .ToList();
    }
}
