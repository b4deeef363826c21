namespace RightsDesk.Core.Cases;

/// <summary>An approval as the kernel weighs it: who gave it, and whether they hold the escalation role.</summary>
public sealed record Approval(Actor By, bool HoldsEscalationRole);

/// <summary>
/// Four eyes between people. A decision that hands data over or restricts speech is decided by one person and
/// approved by others: the decider never approves, each approver counts once however many tokens or sessions they
/// hold, machines neither decide nor approve, and an escalated case needs the escalation role among its approvers.
/// </summary>
public static class FourEyes
{
    public static void EnsureMayDecide(Actor decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (!decider.IsPerson)
        {
            throw new WorkflowException("Only a person decides: a platform system's token can submit and follow demands, never decide them.");
        }
    }

    /// <summary>
    /// Checks one more approval and says whether the decision now has all it needs. Throws, with the reason, when the
    /// approval must not count.
    /// </summary>
    public static bool Approve(Actor decider, IReadOnlyCollection<Approval> given, Approval next, int required, bool escalated)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(next);
        var approver = next.By;
        if (!approver.IsPerson)
        {
            throw new WorkflowException("Only a person approves: a platform system's token never approves a decision.");
        }

        if (approver.IsSamePersonAs(decider))
        {
            throw new WorkflowException("Nobody approves their own decision: another reviewer must approve it.");
        }

        if (given.Any(a => a.By.IsSamePersonAs(approver)))
        {
            throw new WorkflowException("You have already approved this decision; it needs a different approver.");
        }

        var all = given.Append(next).ToList();
        return IsComplete(all, required, escalated);
    }

    /// <summary>Enough distinct people, and for an escalated case the escalation role among them.</summary>
    public static bool IsComplete(IReadOnlyCollection<Approval> given, int required, bool escalated)
    {
        ArgumentNullException.ThrowIfNull(given);
        var people = given.Where(a => a.By.IsPerson).DistinctBy(a => a.By.Id).ToList();
        return people.Count >= Math.Max(1, required) && (!escalated || people.Any(a => a.HoldsEscalationRole));
    }

    /// <summary>What is still missing, in words, for the approver's panel.</summary>
    public static string? Missing(IReadOnlyCollection<Approval> given, int required, bool escalated)
    {
        ArgumentNullException.ThrowIfNull(given);
        var people = given.Where(a => a.By.IsPerson).DistinctBy(a => a.By.Id).ToList();
        var more = Math.Max(1, required) - people.Count;
        var lead = escalated && !people.Any(a => a.HoldsEscalationRole);
        return (more, lead) switch
        {
            ( > 0, true) => $"{more} more approval{(more == 1 ? "" : "s")}, one of them by the human rights lead",
            ( > 0, false) => $"{more} more approval{(more == 1 ? "" : "s")}",
            (_, true) => "an approval by the human rights lead (the case is escalated)",
            _ => null,
        };
    }
}

/// <summary>A step the case kernel refuses; the message is for the person who tried it, as is.</summary>
public sealed class WorkflowException(string message) : Exception(message);
