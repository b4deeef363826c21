namespace RightsDesk.Core.IllegalContentNotices;

/// <summary>Where a notifier's complaint about the decision on their notice stands (DSA Art. 20(1): the internal
/// complaint-handling system is open to whoever submitted a notice, against a decision to act or not to act).</summary>
public enum NoticeComplaintState { Open, Upheld, Reversed }

/// <summary>The rules of a notifier's complaint: its length, and the window it is open in (at least six months after
/// the notifier was told of the decision, Art. 20(1)).</summary>
public static class NoticeComplaintRules
{
    public const int MinText = 10;
    public const int MaxText = 5000;

    /// <summary>Art. 20(1) asks for "at least six months"; the appeal window of the policy applies when it is longer.</summary>
    public const int MinDays = 183;

    public static DateOnly ClosesOn(DateTimeOffset decidedAt, int policyDays) =>
        DateOnly.FromDateTime(decidedAt.UtcDateTime).AddDays(Math.Max(MinDays, policyDays));

    public static bool IsOpen(DateTimeOffset decidedAt, DateTimeOffset now, int policyDays) =>
        DateOnly.FromDateTime(now.UtcDateTime) <= ClosesOn(decidedAt, policyDays);
}
