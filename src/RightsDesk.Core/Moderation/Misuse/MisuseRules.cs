namespace RightsDesk.Core.Moderation.Misuse;

/// <summary>The three kinds of misuse DSA Art. 23 names: a user frequently providing manifestly illegal content
/// (Art. 23(1)), a notifier frequently submitting manifestly unfounded notices, and a complainant frequently submitting
/// manifestly unfounded complaints (Art. 23(2)).</summary>
public enum MisuseKind
{
    IllegalContent,
    UnfoundedNotices,
    UnfoundedComplaints,
}

/// <summary>What was done about a party's misuse: a warning always comes first, a suspension only after it.</summary>
public enum MisuseMeasureType
{
    Warning,
    Suspension,
}

/// <summary>
/// The Art. 23 part of policy/moderation.json ("art23"): over how many days misuse is counted, how many manifestly
/// illegal items, unfounded notices or unfounded complaints in that window (and what share of the party's total)
/// make a party a candidate for the desk, how long a warning stands as the prior warning a suspension needs, and the
/// longest suspension ("a reasonable period"). The desk decides every case on its facts; these numbers only propose.
/// </summary>
public sealed record Art23Policy(
    int WindowDays = 180,
    int MinimumItems = 5,
    int MinimumSharePercent = 50,
    int WarningValidDays = 365,
    int MaxSuspensionDays = 90)
{
    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    /// <exception cref="Policy.PolicyException">naming what is wrong.</exception>
    public void Validate()
    {
        const string file = "moderation.json";
        if (WindowDays is < 7 or > 730)
        {
            throw new Policy.PolicyException(file, "art23.windowDays must be between 7 and 730.");
        }

        if (MinimumItems < 2)
        {
            throw new Policy.PolicyException(file, "art23.minimumItems must be at least 2: Art. 23 is about frequent misuse, never a single item.");
        }

        if (MinimumSharePercent is < 1 or > 100)
        {
            throw new Policy.PolicyException(file, "art23.minimumSharePercent must be between 1 and 100.");
        }

        if (WarningValidDays is < 1 or > 730)
        {
            throw new Policy.PolicyException(file, "art23.warningValidDays must be between 1 and 730.");
        }

        if (MaxSuspensionDays is < 1 or > 365)
        {
            throw new Policy.PolicyException(file, "art23.maxSuspensionDays must be between 1 and 365: an Art. 23 suspension is for a reasonable period, never indefinite.");
        }
    }
}

/// <summary>The facts the desk counts for one party and one kind of misuse within the policy's window: the manifestly
/// illegal items (or manifestly unfounded notices or complaints) and everything the party provided or submitted.</summary>
public readonly record struct MisuseFacts(int Misused, int Total)
{
    /// <summary>The misused share of the total, in whole percent rounded down (0 when there is nothing).</summary>
    public int SharePercent => Total <= 0 ? 0 : (int)(Misused * 100L / Total);
}

/// <summary>A warning already given to a party, as a suspension's check sees it.</summary>
public sealed record PriorWarning(MisuseKind Kind, string Party, DateTimeOffset IssuedAt);

/// <summary>The Art. 23 rules: who the desk proposes, and whether a suspension may be decided.</summary>
public static class MisuseRules
{
    /// <summary>Whether the counted facts put a party over the policy's thresholds: at least the minimum number of
    /// misused items and at least the minimum share of the total. Both are needed, so a busy, mostly sound
    /// notifier is not proposed for a handful of misjudged notices.</summary>
    public static bool IsCandidate(MisuseFacts facts, Art23Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return facts.Misused >= policy.MinimumItems && facts.Total > 0 && facts.SharePercent >= policy.MinimumSharePercent;
    }

    /// <summary>The prior warning a suspension for <paramref name="kind"/> of <paramref name="party"/> rests on: the
    /// newest warning for the same kind to the same party that is still standing at <paramref name="now"/>.</summary>
    public static PriorWarning? StandingWarning(MisuseKind kind, string party, IEnumerable<PriorWarning> warnings, DateTimeOffset now, Art23Policy policy)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(policy);
        return warnings
            .Where(w => w.Kind == kind && string.Equals(w.Party, party, StringComparison.Ordinal))
            .Where(w => w.IssuedAt <= now && now - w.IssuedAt <= TimeSpan.FromDays(policy.WarningValidDays))
            .MaxBy(w => w.IssuedAt);
    }

    /// <summary>Why a suspension may not be decided, or null when it may: Art. 23(1)-(2) needs a prior warning to the
    /// same party for the same kind of misuse, and a reasonable period, which here is an end date after today and no
    /// further away than the policy's maximum.</summary>
    public static string? RefuseSuspension(MisuseKind kind, string party, IEnumerable<PriorWarning> warnings, DateTimeOffset now, DateOnly? until, Art23Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (StandingWarning(kind, party, warnings, now, policy) is null)
        {
            return $"No standing warning to this party for this kind of misuse: Art. 23 allows a suspension only after a prior warning (warnings stand for {policy.WarningValidDays} days).";
        }

        if (until is not { } end)
        {
            return "A suspension needs an end date: Art. 23 suspends for a reasonable period, never indefinitely.";
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (end <= today)
        {
            return "The end date must be after today.";
        }

        return end.DayNumber - today.DayNumber > policy.MaxSuspensionDays
            ? $"The end date is more than {policy.MaxSuspensionDays} days away, the policy's longest Art. 23 suspension."
            : null;
    }

    /// <summary>Whether a suspension running until <paramref name="until"/> (its last day) and not lifted is in force
    /// on <paramref name="today"/>.</summary>
    public static bool InForce(DateOnly until, DateOnly? liftedOn, DateOnly today) =>
        today <= until && (liftedOn is not { } lifted || today < lifted);
}
