using RightsDesk.Core.Cases;

namespace RightsDesk.Core.Partners;

/// <summary>Where an application is: received, vetted by one person, approved by a second (a partner account exists),
/// or rejected.</summary>
public enum PartnerApplicationStatus { Received, Vetted, Approved, Rejected }

/// <summary>
/// Two people vet a partner: one checks the organisation (mandate, independence, who vouches for it) and records it
/// as vetted, another approves, and only then does an account exist. The kernel's <see cref="FourEyes"/> decides
/// whether the second is another person; a machine or the system never vets.
/// </summary>
public static class PartnerVetting
{
    public static PartnerApplicationStatus Vet(PartnerApplicationStatus status, Actor vetter)
    {
        ArgumentNullException.ThrowIfNull(vetter);
        if (!vetter.IsPerson)
        {
            throw new WorkflowException("Only a person vets a partner organisation.");
        }

        return status == PartnerApplicationStatus.Received
            ? PartnerApplicationStatus.Vetted
            : throw new WorkflowException(status == PartnerApplicationStatus.Vetted
                ? "This application is already vetted and waits for a second person's approval."
                : "This application has been decided.");
    }

    public static PartnerApplicationStatus Approve(PartnerApplicationStatus status, Actor vetter, Actor approver)
    {
        ArgumentNullException.ThrowIfNull(vetter);
        ArgumentNullException.ThrowIfNull(approver);
        if (status != PartnerApplicationStatus.Vetted)
        {
            throw new WorkflowException(status == PartnerApplicationStatus.Received
                ? "Vet the application first; a second person then approves it."
                : "This application has been decided.");
        }

        if (approver.IsSamePersonAs(vetter))
        {
            throw new WorkflowException("Whoever vetted the application cannot also approve it: another person must.");
        }

        FourEyes.Approve(vetter, [], new Approval(approver, HoldsEscalationRole: false), required: 1, escalated: false);
        return PartnerApplicationStatus.Approved;
    }

    public static PartnerApplicationStatus Reject(PartnerApplicationStatus status, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        return by.IsPerson && status is PartnerApplicationStatus.Received or PartnerApplicationStatus.Vetted
            ? PartnerApplicationStatus.Rejected
            : throw new WorkflowException("Only a person rejects an application that has not been decided.");
    }
}

/// <summary>
/// How accurate a partner's flags have been: of the flags the desk decided, how many it upheld. The DSA asks the same
/// of trusted flaggers (Art. 22(2)(c), 22(6)); a partner whose flags are mostly not upheld is a reason to talk to them.
/// </summary>
public sealed record PartnerAccuracy(int Flags, int Decided, int Upheld)
{
    /// <summary>Incident outcomes that mean the desk found the flag right and acted on it.</summary>
    public static readonly IReadOnlySet<string> UpheldOutcomes = new HashSet<string>(StringComparer.Ordinal)
    {
        "accountSecured", "contentRemoved", "escalatedToPartner", "adviceGiven",
    };

    public static bool IsUpheld(string outcome) => UpheldOutcomes.Contains(outcome);

    /// <summary>Upheld as a share of decided, in whole percent; null before anything was decided.</summary>
    public int? Percent => Decided == 0 ? null : (int)Math.Round(100.0 * Upheld / Decided, MidpointRounding.AwayFromZero);

    public static PartnerAccuracy Of(IEnumerable<string?> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var all = outcomes.ToList();
        var decided = all.Where(o => o is not null).Select(o => o!).ToList();
        return new PartnerAccuracy(all.Count, decided.Count, decided.Count(IsUpheld));
    }
}
