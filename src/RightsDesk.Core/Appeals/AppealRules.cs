using RightsDesk.Core.Cases;
using RightsDesk.Core.Moderation;

namespace RightsDesk.Core.Appeals;

/// <summary>Where an appeal stands: waiting for a reviewer, with one, or decided.</summary>
public enum AppealState { Open, Assigned, Decided }

/// <summary>What the reviewer found: the decision stands, is reversed (the restriction is lifted), or is changed.</summary>
public enum AppealOutcome { Upheld, Reversed, Modified }

/// <summary>How the appeal came in: the public page (by appeal code) or the platform's own appeal flow (by API).</summary>
public enum AppealChannel { Public, Platform }

/// <summary>Who took part in the decision under appeal: whoever reported it and whoever confirmed or reviewed it.</summary>
public sealed record DecisionParties(string ReportedById, string? ConfirmedById);

/// <summary>
/// The rules of DSA Art. 20 complaints, pure: the window (at least six months after the decision, from policy), the
/// review deadline (the SLA, from policy), and who may review. The reviewer is a person (Art. 20(6): not solely
/// automated) and took no part in the decision, compared by the kernel's actor id, never by a name.
/// </summary>
public static class AppealRules
{
    public const int MinStatement = 10;
    public const int MaxStatement = 4000;
    public const int MinReasons = 10;
    public const int MaxReasons = 4000;

    /// <summary>The last day an appeal is accepted: the application date plus the policy's appeal days.</summary>
    public static DateOnly ClosesOn(DateOnly applicationDate, ModerationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return applicationDate.AddDays(policy.AppealDays);
    }

    public static bool IsOpen(DateOnly applicationDate, DateOnly today, ModerationPolicy policy) => today <= ClosesOn(applicationDate, policy);

    /// <summary>When the reviewer's answer is due.</summary>
    public static DateTimeOffset ReviewDue(DateTimeOffset submittedAt, ModerationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return submittedAt.AddDays(policy.AppealReviewDays);
    }

    /// <summary>Why this actor may not review the appeal, or null when they may.</summary>
    public static string? WhyNotReviewer(Actor reviewer, DecisionParties parties)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(parties);
        if (!reviewer.IsPerson)
        {
            return "An appeal is reviewed by a person; a machine's token cannot (DSA Art. 20(6)).";
        }

        if (string.Equals(reviewer.Id, parties.ReportedById, StringComparison.Ordinal))
        {
            return "You reported the decision under appeal; a reviewer who took no part in it decides the appeal.";
        }

        if (parties.ConfirmedById is { } confirmed && string.Equals(reviewer.Id, confirmed, StringComparison.Ordinal))
        {
            return "You confirmed or reviewed the decision under appeal; a reviewer who took no part in it decides the appeal.";
        }

        return null;
    }

    /// <summary>Whether the time left is short: under a quarter of the review period, or none.</summary>
    public static bool DueSoon(DateTimeOffset due, DateTimeOffset now, ModerationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return due - now < TimeSpan.FromDays(policy.AppealReviewDays) / 4;
    }
}
