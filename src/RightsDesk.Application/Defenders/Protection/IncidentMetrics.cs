using RightsDesk.Application.Impact;
using RightsDesk.Core.Ledger.Events;

namespace RightsDesk.Application.Defenders.Protection;

/// <summary>Of the incidents acknowledged, the share acknowledged within their severity's target: the HRD policy's
/// benchmark for accessible incident reporting (Recommended Action 8).</summary>
public sealed class IncidentsAcknowledgedInTargetMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("incidents.acknowledgedInTarget", "Incidents acknowledged within their target", "percent", ByCountry: false);

    public IReadOnlyCollection<LedgerEventCode> Codes { get; } = [LedgerEventCode.IncidentAcknowledged];

    public decimal Compute(IEnumerable<LedgerFact> facts, string? country) => InTarget(facts);

    internal static decimal InTarget(IEnumerable<LedgerFact> facts)
    {
        var all = facts.ToList();
        return all.Count == 0 ? 0m : 100m * all.Count(f => f["withinTarget"] == "true") / all.Count;
    }
}

/// <summary>Of the incidents resolved, the share resolved within their severity's target (Recommended Action 9, remedy).</summary>
public sealed class IncidentsResolvedInTargetMetric : IMetric
{
    public MetricDefinition Definition { get; } = new("incidents.resolvedInTarget", "Incidents resolved within their target", "percent", ByCountry: false);

    public IReadOnlyCollection<LedgerEventCode> Codes { get; } = [LedgerEventCode.IncidentResolved];

    public decimal Compute(IEnumerable<LedgerFact> facts, string? country) => IncidentsAcknowledgedInTargetMetric.InTarget(facts);
}
