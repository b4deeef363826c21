namespace RightsDesk.Core.Defenders.Incidents;

/// <summary>Why an incident got its severity: a finding a responder can read.</summary>
public sealed record TriageFinding(string Code, string Reason);

public sealed record TriageResult(string Severity, IReadOnlyList<TriageFinding> Findings);

/// <summary>
/// The first severity of an incident, before a person looks at it. Like the assessment engine, the most protective
/// answer wins: any sign of danger to life or liberty is S1, and a responder may lower it only after reading the case.
/// A report naming someone on the at-risk registry is never below S2, and their request to restore an account is
/// never below the policy's floor for restore requests.
/// </summary>
public static class IncidentTriage
{
    /// <param name="partnerFloor">For a trusted partner's flag, the least severity it gets (policy); null otherwise.</param>
    public static TriageResult Triage(IncidentReport report, bool namesAtRiskPerson, RestoreRequests? restore = null, string? partnerFloor = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = new List<TriageFinding>();
        var level = 4;

        void Raise(int to, string code, string reason)
        {
            findings.Add(new TriageFinding(code, reason));
            level = Math.Min(level, to);
        }

        if (report.PhysicalDanger)
        {
            Raise(1, "triage.physicalDanger", "The reporter says someone is in physical danger: a threat to life or liberty.");
        }

        if (report.Types.Contains(IncidentType.Threats) && report.Urgency == IncidentUrgency.Today)
        {
            Raise(1, "triage.urgentThreat", "Threats, reported as needing help today.");
        }

        if (report.Types.Contains(IncidentType.Doxxing) || report.Types.Contains(IncidentType.SuspectedSpyware) || report.Types.Contains(IncidentType.AccountCompromise))
        {
            Raise(2, "triage.exposure", "Doxxing, spyware or a compromised account can expose the person or their contacts.");
        }

        if (namesAtRiskPerson)
        {
            Raise(2, "triage.atRisk", "The report names an account of a person on the at-risk registry.");
        }

        if (namesAtRiskPerson && restore is not null && report.Types.Any(restore.Types.Contains))
        {
            Raise(Level(restore.AtRiskSeverity), "triage.atRiskRestore",
                "A person on the at-risk registry asks to restore an account that was taken over or suspended: handled with priority.");
        }

        if (partnerFloor is not null)
        {
            Raise(Level(partnerFloor), "triage.partnerFlag", "Flagged by a vetted trusted partner: handled with priority.");
        }

        if (report.Urgency == IncidentUrgency.Today || report.Types.Contains(IncidentType.Threats))
        {
            Raise(2, "triage.urgent", "Reported as urgent, or threats.");
        }

        if (report.Types.Any(t => t is IncidentType.Harassment or IncidentType.Impersonation or IncidentType.SmearCampaign or IncidentType.UnjustTakedown))
        {
            Raise(3, "triage.ongoingHarm", "Harassment, impersonation, a smear campaign or an unjust takedown: harm that goes on until acted on.");
        }

        return new TriageResult("S" + level, findings);
    }

    private static int Level(string severity) => int.Parse(severity.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
