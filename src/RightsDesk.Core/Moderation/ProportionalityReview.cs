namespace RightsDesk.Core.Moderation;

/// <summary>Whether the platform applies the measure now or holds it until a person confirms it.</summary>
public enum ModerationAction { Apply, Hold }

/// <summary>One finding for review: a stable code, a reason staff can read, the standard it rests on.</summary>
public sealed record ModerationFinding(string Code, string Reason, string Standard);

/// <summary>What the ladder made of a decision, under which policy version.</summary>
public sealed record ProportionalityResult(
    Rung Rung,
    Rung Default,
    ModerationAction Action,
    IReadOnlyList<ModerationFinding> Findings,
    DateOnly? EndsOn,
    DateOnly? ReviewDue,
    string PolicyVersion);

/// <summary>
/// Places a decision on the ladder and lists what a person should look at again, in the manner of the assessment
/// checks: pure, deterministic, each finding with its reason and standard. The action depends only on the decision
/// and the policy, never on the at-risk registry, so the same answer goes to the platform whoever the account is, and
/// the answer cannot be used to learn who is on the registry.
/// </summary>
public static class ProportionalityReview
{
    public const string AboveDefault = "ladder.aboveDefault";
    public const string LocalLawGlobalRemoval = "ladder.localLawGlobalRemoval";
    public const string IndefiniteAccountMeasure = "ladder.indefiniteAccountMeasure";
    public const string AutomatedAccountMeasure = "ladder.automatedAccountMeasure";

    public static ProportionalityResult Review(ModerationDecision d, ModerationPolicy policy, string policyVersion)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(policy);
        var rung = policy.Place(d);
        var @default = policy.DefaultFor(d.Category);
        var findings = new List<ModerationFinding>();
        if (rung > @default)
        {
            findings.Add(new(AboveDefault,
                $"The measure ({JsonNames.Of(rung)}) is above this policy's default for {d.Category} ({JsonNames.Of(@default)}): check that a lighter measure would not do.",
                "UNGP 22 and the guidance on proportionality (a label before a removal, a removal before a ban); DSA Art. 14(4)"));
        }

        var accountLevel = rung >= Rung.Suspend;
        if (d.DecisionGround == Tdb.GroundIllegal && d.Global && rung >= Rung.Remove && !accountLevel)
        {
            findings.Add(new(LocalLawGlobalRemoval,
                "Illegal under a law, removed everywhere: a law applies where it is in force; restricting access only there is usually enough.",
                "GNI Implementation Guidelines 2.5 (narrowest interpretation and scope); DSA Art. 9(2)(b) (territorial scope strictly necessary)"));
        }

        var endsOn = EndsOn(d);
        var indefinite = endsOn is null;
        if (accountLevel && indefinite)
        {
            findings.Add(new(IndefiniteAccountMeasure,
                "An account measure without an end date: a suspension is for a reasonable period, and a termination should be the last step after warnings.",
                "DSA Art. 23(1) (suspension for a reasonable period, after a prior warning); Santa Clara Principles 2.0, Notice"));
        }

        var exempt = policy.AutomatedAccountMeasureExempt.Contains(d.Category, StringComparer.Ordinal);
        var hold = accountLevel && d.IsFullyAutomated && !exempt;
        if (hold)
        {
            findings.Add(new(AutomatedAccountMeasure,
                "A fully automated suspension or termination: held until a person confirms it.",
                "DSA Art. 20(6) (decisions under the supervision of qualified staff, not solely automated); GDPR Art. 22"));
        }

        var reviewDue = indefinite ? d.ApplicationDate.AddDays(policy.IndefiniteReviewDays) : (DateOnly?)null;
        return new ProportionalityResult(rung, @default, hold ? ModerationAction.Hold : ModerationAction.Apply, findings, endsOn, reviewDue, policyVersion);
    }

    /// <summary>The day the whole measure ends: the last end date of the restrictions given, or null when any of
    /// them has none (it then runs until lifted, and comes up for review).</summary>
    public static DateOnly? EndsOn(ModerationDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var ends = new List<DateOnly?>();
        if (d.DecisionVisibility.Count > 0)
        {
            ends.Add(d.EndDateVisibilityRestriction);
        }

        if (d.DecisionMonetary is not null)
        {
            ends.Add(d.EndDateMonetaryRestriction);
        }

        if (d.DecisionProvision is not null)
        {
            ends.Add(d.EndDateServiceRestriction);
        }

        if (d.DecisionAccount is not null)
        {
            // A termination has no end by its nature, whatever date is sent with it.
            ends.Add(d.DecisionAccount == Tdb.AccountTerminated ? null : d.EndDateAccountRestriction);
        }

        return ends.Count == 0 || ends.Any(e => e is null) ? null : ends.Max();
    }
}
