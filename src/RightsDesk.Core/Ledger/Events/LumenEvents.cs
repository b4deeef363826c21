namespace RightsDesk.Core.Ledger.Events;

/// <summary>
/// An export of Lumen notices opened the period's takedown demands (a sensitive read of their sealed contents) and
/// wrote one notice per exportable demand. Counts only, and the SHA-256 over the notice files' own hashes in name
/// order, so the files handed on can be shown to be these; never a target, a name or the legal basis's words.
/// </summary>
public sealed record LumenNoticesExported(
    DateOnly From, DateOnly To, int Notices, int CourtOrders, int GovernmentRequests,
    int Accounts, int Emails, int Phones, int Officials,
    int NoDecision, int AwaitingApproval, int WaitingForAuthority, int NonDisclosureInForce, string NoticesSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.LumenNoticesExported;

    public void Write(LedgerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add("from", LedgerFields.Day(From)).Add("to", LedgerFields.Day(To)).Add("notices", Notices)
            .Add("courtOrders", CourtOrders).Add("governmentRequests", GovernmentRequests)
            .Add("accountsRedacted", Accounts).Add("emailsRedacted", Emails).Add("phonesRedacted", Phones).Add("officialsOmitted", Officials)
            .Add("skippedNoDecision", NoDecision).Add("skippedAwaitingApproval", AwaitingApproval)
            .Add("skippedWaitingForAuthority", WaitingForAuthority).Add("heldByNonDisclosure", NonDisclosureInForce)
            .Add("noticesSha256", NoticesSha256);
    }
}
