using RightsDesk.Core.Defenders.Incidents;

namespace RightsDesk.Core.Ledger.Events;

// Partner events carry the organisation's areas and countries and the counts the desk's figures need: never the
// contact's name or address, nor what the organisation or a flag said (those appear as SHA-256 only).

/// <summary>An organisation applied on the public page to become a trusted partner.</summary>
public sealed record PartnerApplied(string Expertise, string Countries, string Language, string ApplicationSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PartnerApplied;

    public void Write(LedgerFields fields) => fields.Add("expertise", Expertise).Add("countries", Countries).Add("language", Language)
        .Add("applicationSha256", ApplicationSha256);
}

/// <summary>A person on the desk opened an application's sealed contact and text.</summary>
public sealed record PartnerApplicationRead : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PartnerApplicationRead;

    public void Write(LedgerFields fields)
    {
    }
}

/// <summary>The first person vetted the organisation; a second must approve.</summary>
public sealed record PartnerApplicationVetted(string NoteSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PartnerApplicationVetted;

    public void Write(LedgerFields fields) => fields.Add("noteSha256", NoteSha256);
}

/// <summary>A second person approved: a partner account exists and its invitation is in the outbox.</summary>
public sealed record PartnerApproved(Guid Partner, string Expertise, string Countries, string VettedBy) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PartnerApproved;

    public void Write(LedgerFields fields) => fields.Add("partner", Partner).Add("expertise", Expertise).Add("countries", Countries)
        .Add("vettedBy", VettedBy);
}

public sealed record PartnerApplicationRejected(string From, string ReasonSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PartnerApplicationRejected;

    public void Write(LedgerFields fields) => fields.Add("from", From).Add("reasonSha256", ReasonSha256);
}

/// <summary>A partner flagged an urgent case; it became the incident named, with priority in the queue.</summary>
public sealed record PartnerFlagged(Guid Incident, string Types, string Severity, IncidentUrgency Urgency, string Via) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PartnerFlagged;

    public void Write(LedgerFields fields) => fields.Add("incident", Incident).Add("types", Types).Add("severity", Severity)
        .Add("urgency", Urgency).Add("via", Via);
}

/// <summary>A partner read the outcomes of its flags and the desk's replies (how many flags were shown).</summary>
public sealed record PartnerFeedbackRead(int Flags) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PartnerFeedbackRead;

    public void Write(LedgerFields fields) => fields.Add("flags", Flags);
}

public sealed record PartnerRevocationProposed(string ReasonSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PartnerRevocationProposed;

    public void Write(LedgerFields fields) => fields.Add("reasonSha256", ReasonSha256);
}

/// <param name="ProposedBy">the first person's ledger name: the event shows both pairs of eyes.</param>
public sealed record PartnerRevoked(string ProposedBy) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PartnerRevoked;

    public void Write(LedgerFields fields) => fields.Add("proposedBy", ProposedBy);
}
