namespace RightsDesk.Core.Ledger.Events;

/// <summary>The platform reported that it applied a measure, or that applying it failed. A failure's description is
/// the platform's free text, so only its SHA-256 is recorded (null when applied).</summary>
public sealed record ModerationDecisionApplied(string Result, string? FailureSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ModerationDecisionApplied;

    public void Write(LedgerFields fields) => fields.Add("result", Result).Add("failureSha256", FailureSha256);
}

/// <summary>A time-bound measure reached its end date and was ended by the scheduled job; the platform is told.</summary>
public sealed record ModerationMeasureEnded(string Rung, DateOnly EndsOn) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ModerationMeasureEnded;

    public void Write(LedgerFields fields) => fields.Add("rung", Rung).Add("endsOn", LedgerFields.Day(EndsOn));
}

/// <summary>A person reviewed an indefinite measure that had come up for review and kept it; the next review is due
/// on <paramref name="NextReview"/> (the policy's interval).</summary>
public sealed record ModerationMeasureKept(string Rung, DateOnly NextReview) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ModerationMeasureKept;

    public void Write(LedgerFields fields) => fields.Add("rung", Rung).Add("nextReview", LedgerFields.Day(NextReview));
}

/// <summary>A person confirmed a held measure that needs a second person: it stays held until another confirms.
/// Why it needs two is not written: the reason would say who is on the at-risk registry.</summary>
public sealed record ModerationConfirmationAwaited(string Rung) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ModerationConfirmationAwaited;

    public void Write(LedgerFields fields) => fields.Add("rung", Rung);
}

/// <summary>Staff read an account's decision history. The account is named by its keyed index (a pseudonym that
/// cannot be turned back into the account without the index key), with how many decisions were shown.</summary>
public sealed record ModerationAccountHistoryRead(string AccountIndex, int Decisions) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.ModerationAccountHistoryRead;

    public void Write(LedgerFields fields) => fields.Add("accountIndex", AccountIndex).Add("decisions", Decisions);
}
