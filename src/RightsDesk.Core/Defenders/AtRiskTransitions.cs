using RightsDesk.Core.Cases;

namespace RightsDesk.Core.Defenders;

/// <summary>
/// Four eyes on the registry: one person proposes adding or removing an entry, another person approves it (the
/// kernel's <see cref="FourEyes"/>: never the proposer, never a machine). A proposed entry already protects, since the
/// most protective reading wins while it waits; a proposed removal protects until it is approved.
/// </summary>
public static class AtRiskTransitions
{
    public static void EnsureMayPropose(Actor proposer) => EnsureMayPropose(proposer, AtRiskSource.Staff);

    /// <summary>A person proposes; the one exception is a person's own request through the incident channel, which
    /// the channel (the system) proposes in their name with their consent. The first pair of eyes is then the
    /// person themselves, and a member of staff approves as the second.</summary>
    public static void EnsureMayPropose(Actor proposer, AtRiskSource source)
    {
        ArgumentNullException.ThrowIfNull(proposer);
        if (!proposer.IsPerson && !(source == AtRiskSource.SelfRequest && proposer.Kind == ActorKind.System))
        {
            throw new WorkflowException("Only a person proposes a change to the at-risk registry.");
        }
    }

    /// <summary>The status after <paramref name="approver"/> approves what <paramref name="proposer"/> proposed.</summary>
    public static AtRiskStatus Approve(AtRiskStatus status, Actor proposer, Actor approver)
    {
        var next = status switch
        {
            AtRiskStatus.Proposed => AtRiskStatus.Active,
            AtRiskStatus.RemovalProposed => AtRiskStatus.Removed,
            _ => throw new WorkflowException("Nothing is waiting for approval on this entry."),
        };
        if (approver.IsSamePersonAs(proposer))
        {
            throw new WorkflowException("Whoever proposed a change to the registry cannot approve it: another person must.");
        }

        FourEyes.Approve(proposer, [], new Approval(approver, HoldsEscalationRole: false), required: 1, escalated: false);
        return next;
    }

    public static AtRiskStatus ProposeRemoval(AtRiskStatus status, Actor proposer)
    {
        EnsureMayPropose(proposer);
        return status switch
        {
            AtRiskStatus.Active => AtRiskStatus.RemovalProposed,
            AtRiskStatus.Proposed => throw new WorkflowException("This entry is still waiting for a second person's approval; it can be removed once it is active."),
            AtRiskStatus.RemovalProposed => throw new WorkflowException("Removal is already proposed and waits for a second person."),
            _ => throw new WorkflowException("This entry has been removed."),
        };
    }

    /// <summary>Whether an entry in <paramref name="status"/> makes a demand naming the person restricted and escalated.</summary>
    public static bool Protects(AtRiskStatus status) => status is not AtRiskStatus.Removed;
}
