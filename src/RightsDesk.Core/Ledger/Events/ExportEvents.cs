namespace RightsDesk.Core.Ledger.Events;

/// <summary>
/// An export of statements of reasons for the Transparency Database read the period's decisions (a sensitive read:
/// their sealed texts were opened to redact them) and wrote its batches. Counts only, and the SHA-256 over the
/// batch files' own hashes in order, so the files handed on can be shown to be these.
/// </summary>
public sealed record DsaStatementsExported(
    DateOnly From, DateOnly To, int Statements, int Batches, int Invalid, int OutsideEea, int EmailsRedacted, int PhonesRedacted,
    string BatchesSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DsaStatementsExported;

    public void Write(LedgerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add("from", LedgerFields.Day(From)).Add("to", LedgerFields.Day(To)).Add("statements", Statements).Add("batches", Batches)
            .Add("invalid", Invalid).Add("outsideEea", OutsideEea).Add("emailsRedacted", EmailsRedacted)
            .Add("phonesRedacted", PhonesRedacted).Add("batchesSha256", BatchesSha256);
    }
}

/// <summary>
/// A run submitting statements to the Transparency Database ended, completely or not (<paramref name="Complete"/>
/// false when retries ran out and statements wait for the next run). The host it sent to, and counts: never a puid.
/// </summary>
public sealed record DsaSubmissionCompleted(
    string Host, int Submitted, int AlreadyThere, int Refused, int Confirmed, int Pending, bool Complete) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DsaSubmissionCompleted;

    public void Write(LedgerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add("host", Host).Add("submitted", Submitted).Add("alreadyThere", AlreadyThere).Add("refused", Refused)
            .Add("confirmed", Confirmed).Add("pending", Pending).Add("complete", Complete);
    }
}
