using RightsDesk.Core.Appeals;

namespace RightsDesk.Core.Ledger.Events;

/// <summary>An appeal code was issued for a decision. The code is shown once and never stored or recorded.</summary>
public sealed record AppealCodeIssued(Guid Decision) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AppealCodeIssued;

    public void Write(LedgerFields fields) => fields.Add("decision", Decision);
}

/// <summary>An appeal came in. The statement and any new information are free text: sealed on the appeal, only their
/// SHA-256 here, and whether new information was given.</summary>
public sealed record AppealSubmitted(Guid Decision, AppealChannel Channel, string Language, bool NewInformation, string StatementSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AppealSubmitted;

    public void Write(LedgerFields fields) => fields
        .Add("decision", Decision).Add("channel", Channel).Add("language", Language)
        .Add("newInformation", NewInformation).Add("statementSha256", StatementSha256);
}

/// <summary>An appeal was given to a reviewer (by the actor recorded with the event).</summary>
public sealed record AppealAssigned(Guid Decision, string Reviewer) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AppealAssigned;

    public void Write(LedgerFields fields) => fields.Add("decision", Decision).Add("reviewer", Reviewer);
}

/// <summary>The reviewer decided. The reasons are sealed on the appeal; their SHA-256 here.</summary>
public sealed record AppealDecided(Guid Decision, AppealOutcome Outcome, bool RestrictionLifted, string ReasonsSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AppealDecided;

    public void Write(LedgerFields fields) => fields
        .Add("decision", Decision).Add("outcome", Outcome).Add("restrictionLifted", RestrictionLifted).Add("reasonsSha256", ReasonsSha256);
}

/// <summary>Staff opened an appeal's sealed texts (the statement, new information, the reasons).</summary>
public sealed record AppealRead(Guid Decision) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AppealRead;

    public void Write(LedgerFields fields) => fields.Add("decision", Decision);
}
