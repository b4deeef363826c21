using RightsDesk.Core.Moderation.Misuse;

namespace RightsDesk.Core.Ledger.Events;

/// <summary>A party was warned of frequent misuse (DSA Art. 23(1)-(2)): the kind, whether an account or a notifier,
/// what the desk counted in the policy's window, and the SHA-256 of the reasons the party was given. Who the party
/// is stays sealed on the measure.</summary>
public sealed record MisuseWarningIssued(MisuseKind Kind, MisuseParty Party, int Misused, int Total, int WindowDays, string PolicyVersion, string ReasonsSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.MisuseWarningIssued;

    public void Write(LedgerFields fields) => fields
        .Add("kind", Kind).Add("party", Party).Add("misused", Misused).Add("total", Total).Add("windowDays", WindowDays)
        .Add("policyVersion", PolicyVersion).Add("reasonsSha256", ReasonsSha256);
}

/// <summary>A suspension was proposed on the standing warning it rests on, to run to its last day.</summary>
public sealed record MisuseSuspensionProposed(MisuseKind Kind, MisuseParty Party, Guid Warning, DateOnly Until, int Misused, int Total, string ReasonsSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.MisuseSuspensionProposed;

    public void Write(LedgerFields fields) => fields
        .Add("kind", Kind).Add("party", Party).Add("warning", Warning).Add("until", LedgerFields.Day(Until))
        .Add("misused", Misused).Add("total", Total).Add("reasonsSha256", ReasonsSha256);
}

/// <summary>A second person confirmed the suspension. For an account, the moderation decision
/// (DECISION_ACCOUNT_SUSPENDED) that carries it to the platform and the user's statement of reasons.</summary>
public sealed record MisuseSuspensionConfirmed(DateOnly Until, Guid? Decision) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.MisuseSuspensionConfirmed;

    public void Write(LedgerFields fields) => fields.Add("until", LedgerFields.Day(Until)).AddIfKnown("decision", Decision);
}

/// <summary>A second person declined the proposed suspension, for reasons (hashed here, sealed on the measure).</summary>
public sealed record MisuseSuspensionDeclined(string ReasonsSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.MisuseSuspensionDeclined;

    public void Write(LedgerFields fields) => fields.Add("reasonsSha256", ReasonsSha256);
}

/// <summary>A confirmed suspension was lifted before its end date; for an account, its moderation decision too.</summary>
public sealed record MisuseSuspensionLifted(string ReasonsSha256, bool DecisionLifted) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.MisuseSuspensionLifted;

    public void Write(LedgerFields fields) => fields.Add("reasonsSha256", ReasonsSha256).Add("decisionLifted", DecisionLifted);
}

/// <summary>A notice, an appeal or a notice complaint came from a party whose suspension is in force: it was
/// received and stored, and is not processed (Art. 23(2)). The subject is the suspension.</summary>
public sealed record MisuseSubmissionNotProcessed(string What, Guid Item) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.MisuseSubmissionNotProcessed;

    public void Write(LedgerFields fields) => fields.Add("what", What).Add("item", Item);
}

/// <summary>Staff opened a measure's sealed party and reasons.</summary>
public sealed record MisuseMeasureRead(bool Party) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.MisuseMeasureRead;

    public void Write(LedgerFields fields) => fields.Add("party", Party);
}
