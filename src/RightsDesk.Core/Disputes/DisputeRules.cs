using RightsDesk.Core.Appeals;
using RightsDesk.Core.Transparency.Dsa;

namespace RightsDesk.Core.Disputes;

/// <summary>Whose dispute it is: the user the decision was about, or the person or body that sent the notice.</summary>
public enum DisputeSide { User, Notifier }

/// <summary>Where a referral stands: with the body, or closed with the body's outcome.</summary>
public enum DisputeState { Referred, Closed }

/// <summary>What the certified body did: the decision stands, is partly or wholly reversed, the referral was
/// withdrawn by whoever made it, or the body declined to deal with it (Art. 21(2) grounds).</summary>
public enum DisputeOutcome { Upheld, PartiallyReversed, Reversed, Withdrawn, Declined }

/// <summary>
/// The rules of DSA Art. 21 out-of-court dispute referrals, pure: a certified body is named with the Member State that
/// certified it (Art. 21(3)); a referral follows a decided appeal or goes straight to the body (Art. 21(1) does not
/// require the internal appeal first), but not while an appeal is still under review, so that two reviews of one
/// decision never run at once here; dates run forward; and a reversal lifts the restriction exactly as a reversed
/// appeal does, a partial reversal is recorded as a change, like a modified appeal.
/// </summary>
public static class DisputeRules
{
    public const int MinBodyName = 2;
    public const int MaxBodyName = 200;
    public const int MinReasons = 10;
    public const int MaxReasons = 4000;

    /// <summary>The errors of a referral, by field; none when it may be recorded.</summary>
    public static IReadOnlyList<FieldError> CheckReferral(string? bodyName, string? memberState, DateOnly referredOn, DateOnly applicationDate, DateOnly today)
    {
        var errors = new List<FieldError>();
        var name = (bodyName ?? "").Trim();
        if (name.Length is < MinBodyName or > MaxBodyName)
        {
            errors.Add(new FieldError("bodyName", $"Name the certified out-of-court dispute settlement body ({MinBodyName} to {MaxBodyName} characters)."));
        }

        if (memberState is null || !DsaRules.MemberStates.Contains(memberState, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("bodyMemberState", "Give the EU Member State whose Digital Services Coordinator certified the body, as an ISO 3166 code (for example IE)."));
        }

        if (referredOn > today)
        {
            errors.Add(new FieldError("referredOn", "The day the dispute was referred cannot be in the future."));
        }
        else if (referredOn < applicationDate)
        {
            errors.Add(new FieldError("referredOn", "The day the dispute was referred cannot be before the decision was applied."));
        }

        return errors;
    }

    /// <summary>Why no referral may be recorded on the decision now, or null when one may.</summary>
    public static string? WhyNotReferable(AppealState? appeal) =>
        appeal is AppealState.Open or AppealState.Assigned
            ? "The appeal on this decision is still under review; record the referral once the appeal is decided."
            : null;

    /// <summary>The errors of the body's outcome, by field.</summary>
    public static IReadOnlyList<FieldError> CheckOutcome(string? reasons, DateOnly decidedOn, DateOnly referredOn, DateOnly today)
    {
        var errors = new List<FieldError>();
        var text = (reasons ?? "").Trim();
        if (text.Length is < MinReasons or > MaxReasons)
        {
            errors.Add(new FieldError("reasons", $"Give the body's reasons ({MinReasons} to {MaxReasons} characters)."));
        }

        if (decidedOn > today)
        {
            errors.Add(new FieldError("decidedOn", "The day of the body's outcome cannot be in the future."));
        }
        else if (decidedOn < referredOn)
        {
            errors.Add(new FieldError("decidedOn", "The body's outcome cannot come before the day the dispute was referred."));
        }

        return errors;
    }

    /// <summary>Whether the body's outcome lifts the restriction (as a reversed appeal does).</summary>
    public static bool LiftsRestriction(DisputeOutcome outcome) => outcome == DisputeOutcome.Reversed;

    /// <summary>Days from referral to the body's outcome: the report's median is taken over these.</summary>
    public static int Days(DateOnly referredOn, DateOnly decidedOn) => decidedOn.DayNumber - referredOn.DayNumber;
}
