using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The network-disruption check alone: an order to cut the network is challenged by its nature.</summary>
public class NetworkDisruptionCheckTests
{
    private static readonly NetworkDisruptionCheck Check = new();

    [Fact]
    public void A_shutdown_order_fails_and_is_challenged()
    {
        Single(Findings(Check, Example("13-regional-shutdown-order")), FindingOutcome.Fail, "disproportionate by its nature");
    }

    [Fact]
    public void Any_other_demand_passes_without_a_finding()
    {
        Assert.Empty(Findings(Check, Example("01-us-search-warrant")));
    }
}
