using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Ledger.Events;

namespace RightsDesk.Application.Impact;

/// <summary>Share of a set of events (in per cent, 0 when there are none) that meet a condition.</summary>
internal static class Share
{
    public static decimal Of(IReadOnlyCollection<LedgerFact> all, Func<LedgerFact, bool> counts) =>
        all.Count == 0 ? 0m : 100m * all.Count(counts) / all.Count;

    public static bool In(LedgerFact f, string? country) => country is null || string.Equals(f["country"], country, StringComparison.Ordinal);
}

/// <summary>Of the decisions on demands (in a country), the share that rejected or challenged the demand (RDR F5a.6, P10a.6).</summary>
public sealed class RejectedOrChallengedMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("demands.rejectedOrChallenged", "Demands rejected or challenged", "percent", ByCountry: true);

    public IReadOnlyCollection<LedgerEventCode> Codes { get; } = [LedgerEventCode.DecisionRecorded];

    public decimal Compute(IEnumerable<LedgerFact> facts, string? country)
    {
        // Decisions stored before they carried a country cannot be placed in one, so they count only in the total.
        var decisions = facts.Where(f => Share.In(f, country)).ToList();
        return Share.Of(decisions, f => f["outcome"] == JsonNames.Of(Recommendation.Reject) || f["outcome"] == JsonNames.Of(Recommendation.Challenge));
    }
}

/// <summary>Of the user notices delivered, the share delivered before disclosure (RDR P12.1; the default the policy promises).</summary>
public sealed class NoticesBeforeDisclosureMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("notices.beforeDisclosure", "User notices given before disclosure", "percent", ByCountry: true);

    public IReadOnlyCollection<LedgerEventCode> Codes { get; } = [LedgerEventCode.NoticeDelivered];

    public decimal Compute(IEnumerable<LedgerFact> facts, string? country)
    {
        var delivered = facts.Where(f => f["plan"] is not null && Share.In(f, country)).ToList();
        return Share.Of(delivered, f => f["plan"] == JsonNames.Of(NoticePlan.BeforeDisclosure));
    }
}

/// <summary>Of the decisions to restrict, the share limited to named territories rather than worldwide (GNI, GitHub's practice).</summary>
public sealed class RestrictionsNarrowedMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("restrictions.narrowedToJurisdiction", "Restrictions narrowed to a jurisdiction", "percent", ByCountry: true);

    public IReadOnlyCollection<LedgerEventCode> Codes { get; } = [LedgerEventCode.DecisionRecorded];

    public decimal Compute(IEnumerable<LedgerFact> facts, string? country)
    {
        var restrictions = facts.Where(f => f["outcome"] == JsonNames.Of(Recommendation.RestrictInJurisdiction) && Share.In(f, country)).ToList();
        return Share.Of(restrictions, f => !string.IsNullOrEmpty(f["territories"]));
    }
}

/// <summary>
/// User notices that became dead letters. Counted from the ledger's <c>NoticeDeadLettered</c> events, not the outbox's
/// current state: a retried message leaves the dead letters, and a reading must not change after it was taken.
/// </summary>
public sealed class DeadLettersMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("notices.deadLetters", "User notices that could not be delivered (dead letters)", "count", ByCountry: false);

    public IReadOnlyCollection<LedgerEventCode> Codes { get; } = [LedgerEventCode.NoticeDeadLettered];

    public decimal Compute(IEnumerable<LedgerFact> facts, string? country) => facts.Count();
}
