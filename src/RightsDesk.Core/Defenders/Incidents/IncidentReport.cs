namespace RightsDesk.Core.Defenders.Incidents;

/// <summary>What is happening, in the words of the Digital First Aid Kit and SMEX's helpdesk taxonomies.</summary>
public enum IncidentType { Doxxing, Harassment, Threats, Impersonation, AccountCompromise, SuspectedSpyware, SmearCampaign, UnjustTakedown, Other }

/// <summary>How urgent the reporter says it is.</summary>
public enum IncidentUrgency { Today, ThisWeek, NotUrgent }

/// <summary>How the desk may reach the reporter; <see cref="None"/>: only through the receipt code.</summary>
public enum ContactChannel { None, Email, Signal, Other }

/// <summary>Where an incident is: received, acknowledged by a responder, being worked on, resolved, closed.</summary>
public enum IncidentStatus { Received, Acknowledged, InProgress, Resolved, Closed }

/// <summary>An incident as the reporter sent it, validated. Accounts and content are canonicalised identifiers.</summary>
public sealed record IncidentReport(
    IReadOnlyList<IncidentType> Types,
    string Description,
    IReadOnlyList<string> Accounts,
    IReadOnlyList<string> Content,
    IncidentUrgency Urgency,
    bool PhysicalDanger,
    ContactChannel Contact,
    string? ContactAddress,
    bool RegistryRequest,
    string? Country,
    string Language)
{
    /// <summary>The reporter's own accounts, for the at-risk registry entry they asked for (never those attacking them,
    /// which may also be in <see cref="Accounts"/>).</summary>
    public IReadOnlyList<string> RegistryAccounts { get; init; } = [];
}
