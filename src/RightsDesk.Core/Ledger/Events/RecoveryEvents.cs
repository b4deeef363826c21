namespace RightsDesk.Core.Ledger.Events;

/// <summary>Recovery codes were issued at enrolment (any earlier ones stopped working); only how many.</summary>
public sealed record RecoveryCodesIssued(int Count) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.RecoveryCodesIssued;

    public void Write(LedgerFields fields) => fields.Add("count", Count);
}

/// <summary>A recovery code was used to sign in in place of the authenticator; how many unused ones remain.</summary>
public sealed record RecoveryCodeUsed(int Remaining) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.RecoveryCodeUsed;

    public void Write(LedgerFields fields) => fields.Add("remaining", Remaining);
}

/// <summary>
/// Staff reset an official's password and authenticator. The new enrolment link went to the official's registered
/// address only; the account's standing went back to pending (<paramref name="From"/> is the one it left) until a
/// call-back is recorded again.
/// </summary>
public sealed record OfficialAuthenticatorReset(string From) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.OfficialAuthenticatorReset;

    public void Write(LedgerFields fields) => fields.Add("from", From).Add("portal", "pending").Add("linkSentTo", "registeredAddress");
}
