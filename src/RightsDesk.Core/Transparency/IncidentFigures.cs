using RightsDesk.Core.Defenders.Incidents;

namespace RightsDesk.Core.Transparency;

/// <summary>
/// One incident as a report counts it, de-identified: its first type, severity and country, and how long it took to
/// acknowledge and to resolve and whether that was within its severity's target. No reporter, text or identifier.
/// </summary>
/// <param name="Country">ISO code the reporter gave, or "unknown".</param>
public sealed record IncidentFact(
    string CaseHash, DateTimeOffset ReceivedAt, string Type, string Severity, string Country,
    double? HoursToAcknowledge, bool? AcknowledgedInTarget, double? HoursToResolve, bool? ResolvedInTarget);

/// <summary>
/// The incident part of a report (US-EU Recommended Actions 8 and 10; Access Now's helpline reports by type and
/// region): incidents received in the period by type, severity and country; per severity the median and 90th
/// percentile time to acknowledge and to resolve, over how many, and how many were within target. Counts go through
/// the same small-number protection as every other source, so a country with two reports shows a band.
/// </summary>
public static class IncidentFigures
{
    public const string Source = "incidents";
    public const string Unknown = "unknown";
    public const string Within = "withinTarget";
    public const string Late = "late";

    public static ReportSection Compute(IReadOnlyList<IncidentFact> all, ReportPeriod period, IReadOnlyList<string> severities)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(severities);
        var incidents = all.Where(i => period.Contains(i.ReceivedAt)).ToList();
        var b = new SectionBuilder(Source);
        var total = b.Total("incident_totals", "incidents", incidents.Count, "incidents");
        b.Breakdown(total, "incident_by_type", "type", incidents, i => i.Type, _ => 1, "incidents", Words.All<IncidentType>(), shares: true);
        b.Breakdown(total, "incident_by_severity", "severity", incidents, i => i.Severity, _ => 1, "incidents", severities, shares: true);
        b.Breakdown(total, "incident_by_country", "country", incidents, i => i.Country, _ => 1, "incidents", shares: true);

        foreach (var severity in severities)
        {
            var level = incidents.Where(i => i.Severity == severity).ToList();
            var id = severity.ToLowerInvariant();
            var acknowledged = level.Where(i => i.HoursToAcknowledge is not null).ToList();
            var ackCount = b.Total("incident_totals", "acknowledged_" + id, acknowledged.Count, "incidents");
            b.Durations("incident_times", "hours_to_acknowledge_" + id, acknowledged.Select(i => i.HoursToAcknowledge!.Value).ToList(), ackCount);
            b.Breakdown(ackCount, "incident_acknowledged_in_target", "target", acknowledged, i => i.AcknowledgedInTarget == true ? Within : Late, _ => 1, "incidents", [Within, Late], shares: true);

            var resolved = level.Where(i => i.HoursToResolve is not null).ToList();
            var resolvedCount = b.Total("incident_totals", "resolved_" + id, resolved.Count, "incidents");
            b.Durations("incident_times", "hours_to_resolve_" + id, resolved.Select(i => i.HoursToResolve!.Value).ToList(), resolvedCount);
            b.Breakdown(resolvedCount, "incident_resolved_in_target", "target", resolved, i => i.ResolvedInTarget == true ? Within : Late, _ => 1, "incidents", [Within, Late], shares: true);
        }

        return b.Build();
    }
}
