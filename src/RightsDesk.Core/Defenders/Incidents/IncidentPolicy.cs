namespace RightsDesk.Core.Defenders.Incidents;

/// <summary>
/// One severity level of incident triage (policy/defenders.json): how fast an incident must be acknowledged and
/// resolved, whether that runs around the clock, and when staff alerts escalate, counted from the report's arrival.
/// </summary>
/// <param name="EscalateAfterMinutes">Minutes after arrival at which an unacknowledged incident goes to the next
/// person up: the first to the human rights lead, the second to the escalation contact.</param>
public sealed record SeverityLevel(
    string Id, string Meaning, int AcknowledgeWithinMinutes, int ResolveWithinHours, bool AroundTheClock,
    IReadOnlyList<int> EscalateAfterMinutes);

/// <summary>Hours (UTC) in which alerts for levels that do not run around the clock wait until the morning.</summary>
public sealed record QuietHours(int FromHour, int ToHour)
{
    public bool Contains(DateTimeOffset at)
    {
        var h = at.UtcDateTime.Hour;
        return FromHour <= ToHour ? h >= FromHour && h < ToHour : h >= FromHour || h < ToHour;
    }

    /// <summary>The first moment at or after <paramref name="at"/> outside the quiet hours.</summary>
    public DateTimeOffset End(DateTimeOffset at)
    {
        if (!Contains(at))
        {
            return at;
        }

        var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero).AddHours(ToHour);
        return day > at ? day : day.AddDays(1);
    }
}

/// <summary>A reply the desk can send the reporter as it stands or edited; written in English, translated by the responder.</summary>
public sealed record ReplyTemplate(string Id, string Text);

/// <summary>
/// Requests to restore an account (taken over, or suspended unjustly) from a person on the at-risk registry: the
/// severity they get at least, so they are handled first. A defender locked out of their account is cut off from the
/// people they protect, and an attacker holding it can speak in their name.
/// </summary>
public sealed record RestoreRequests(IReadOnlyList<IncidentType> Types, string AtRiskSeverity);

/// <summary>policy/defenders.json: the severity levels of incident triage (most severe first), the quiet hours,
/// how long closed incidents are kept, the desk's reply templates, and the floor for restore requests.</summary>
public sealed record DefendersPolicy(
    IReadOnlyList<SeverityLevel> Severities, QuietHours QuietHours, int RetentionDays, IReadOnlyList<ReplyTemplate> Replies,
    RestoreRequests? RestoreRequests = null, string? PartnerFlagSeverity = null)
{
    /// <summary>What an incident can end in; counted in the figures.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["accountSecured", "contentRemoved", "escalatedToPartner", "adviceGiven", "noActionPossible", "declined"];

    public SeverityLevel Level(string id) =>
        Severities.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal))
        ?? throw new ArgumentException($"No severity level '{id}'.", nameof(id));

    /// <exception cref="ArgumentException">naming what is wrong, for the policy loader to report with the file.</exception>
    public void Validate()
    {
        string[] expected = ["S1", "S2", "S3", "S4"];
        if (!Severities.Select(s => s.Id).SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new ArgumentException("severities must list S1, S2, S3 and S4 in that order (triage names them).");
        }

        foreach (var s in Severities)
        {
            if (s.AcknowledgeWithinMinutes <= 0 || s.ResolveWithinHours <= 0)
            {
                throw new ArgumentException($"{s.Id}: acknowledgeWithinMinutes and resolveWithinHours must be positive.");
            }

            if (s.EscalateAfterMinutes.Count is 0 or > 2 || s.EscalateAfterMinutes.Any(m => m <= 0 || m >= s.AcknowledgeWithinMinutes)
                || !s.EscalateAfterMinutes.SequenceEqual(s.EscalateAfterMinutes.Order()))
            {
                throw new ArgumentException($"{s.Id}: escalateAfterMinutes must list one or two rising times before the acknowledgement target.");
            }
        }

        if (QuietHours.FromHour is < 0 or > 23 || QuietHours.ToHour is < 0 or > 23 || QuietHours.FromHour == QuietHours.ToHour)
        {
            throw new ArgumentException("quietHours: fromHour and toHour are different hours 0-23 (UTC).");
        }

        if (RestoreRequests is { } restore && (restore.Types.Count == 0 || !expected.Contains(restore.AtRiskSeverity, StringComparer.Ordinal)))
        {
            throw new ArgumentException("restoreRequests: list the incident types of a restore request and an atRiskSeverity of S1-S4.");
        }

        if (PartnerFlagSeverity is { } floor && !expected.Contains(floor, StringComparer.Ordinal))
        {
            throw new ArgumentException("partnerFlagSeverity: S1, S2, S3 or S4 (the least severity a trusted partner's flag gets).");
        }

        if (RetentionDays < 30)
        {
            throw new ArgumentException("retentionDays must be at least 30.");
        }
    }
}
