using RightsDesk.Web.Ledger;

namespace RightsDesk.Web.Hosting;

/// <summary>What /health answers: anyone may ask, so it says whether the ledger holds and where it first fails,
/// never what an event contains.</summary>
/// <param name="Status">"ok" while the process serves; the ledger's state is reported beside it, not folded in,
/// so a load balancer keeps routing to a node that can still show the alert.</param>
/// <param name="Ledger">checking (the start-up check runs), consistent, or inconsistent.</param>
/// <param name="FirstBadEvent">When inconsistent: the first event found wrong (its seq, when one event is to
/// blame) and what differs.</param>
public sealed record HealthView(string Status, string PolicyVersion, LedgerStatus Ledger, LedgerProblem? FirstBadEvent)
{
    public static HealthView Of(string policyVersion, LedgerHealth.Snapshot ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return new("ok", policyVersion, ledger.Status, ledger.Problem);
    }
}
