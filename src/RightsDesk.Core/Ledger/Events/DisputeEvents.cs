using RightsDesk.Core.Disputes;

namespace RightsDesk.Core.Ledger.Events;

/// <summary>A dispute about a decision was referred to a certified out-of-court body (DSA Art. 21). The body's name
/// is typed text, so only its SHA-256 is here, beside the certifying Member State and the day referred.</summary>
public sealed record DisputeReferred(Guid Decision, Guid? Appeal, DisputeSide Side, string BodyNameSha256, string BodyMemberState, DateOnly ReferredOn) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DisputeReferred;

    public void Write(LedgerFields fields) => fields
        .Add("decision", Decision).AddIfKnown("appeal", Appeal).Add("side", Side)
        .Add("bodyNameSha256", BodyNameSha256).Add("bodyMemberState", BodyMemberState).Add("referredOn", LedgerFields.Day(ReferredOn));
}

/// <summary>The body's outcome was recorded. Its reasons are sealed on the referral; their SHA-256 here.</summary>
public sealed record DisputeOutcomeRecorded(Guid Decision, DisputeOutcome Outcome, DateOnly DecidedOn, bool RestrictionLifted, string ReasonsSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DisputeOutcomeRecorded;

    public void Write(LedgerFields fields) => fields
        .Add("decision", Decision).Add("outcome", Outcome).Add("decidedOn", LedgerFields.Day(DecidedOn))
        .Add("restrictionLifted", RestrictionLifted).Add("reasonsSha256", ReasonsSha256);
}

/// <summary>Staff opened a referral's sealed reasons.</summary>
public sealed record DisputeRead(Guid Decision) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DisputeRead;

    public void Write(LedgerFields fields) => fields.Add("decision", Decision);
}
