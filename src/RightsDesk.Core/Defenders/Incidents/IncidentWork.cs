namespace RightsDesk.Core.Defenders.Incidents;

/// <summary>What the desk did about an incident, recorded as it happens and counted in the figures.</summary>
public enum IncidentAction
{
    ContentRemoved, AccountSecured, AccountRestored, TwoFactorEnforced, StateAttackNoticeSent, EscalatedToPartner, AddedToRegistry,
}

/// <summary>The platform's records an incident can be linked to, so the desk sees the case whole.</summary>
public enum IncidentLinkKind { Demand, ModerationDecision }
