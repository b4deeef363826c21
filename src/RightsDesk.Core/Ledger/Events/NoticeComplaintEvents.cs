using RightsDesk.Core.IllegalContentNotices;

namespace RightsDesk.Core.Ledger.Events;

// A notifier's complaint about the decision on their notice: its shape only. The complaint and the reasons appear as
// SHA-256; the code never does.

/// <summary>A complaint code was issued to the notifier with the decision on their notice (mailed, never shown).</summary>
public sealed record NoticeComplaintCodeIssued(NoticeOutcome Outcome) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.NoticeComplaintCodeIssued;

    public void Write(LedgerFields fields) => fields.Add("outcome", Outcome);
}

/// <summary>The notifier complained about the decision on their notice, <paramref name="Days"/> after it was taken.</summary>
public sealed record NoticeComplaintReceived(Guid Complaint, NoticeOutcome Outcome, int Days, string ComplaintSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.NoticeComplaintReceived;

    public void Write(LedgerFields fields) => fields.Add("complaint", Complaint.ToString()).Add("outcome", Outcome).Add("days", Days)
        .Add("complaintSha256", ComplaintSha256);
}

/// <summary>A person who did not decide the notice decided the complaint: the decision stands (upheld) or the notice
/// goes back to the queue for a new decision (reversed); <paramref name="Told"/>: the notifier was mailed.</summary>
public sealed record NoticeComplaintDecided(Guid Complaint, NoticeComplaintState State, int Days, string ReasonSha256, bool Told) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.NoticeComplaintDecided;

    public void Write(LedgerFields fields) => fields.Add("complaint", Complaint.ToString()).Add("state", State).Add("days", Days)
        .Add("reasonSha256", ReasonSha256).Add("told", Told);
}
