using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The target-risk check alone: people on the at-risk registry, named by position, never by identifier.</summary>
public class TargetRiskCheckTests
{
    private static readonly TargetRiskCheck Check = new();

    [Fact]
    public void No_target_on_the_registry_passes()
    {
        Single(Findings(Check, Example("01-us-search-warrant")), FindingOutcome.Pass, "No target is on the at-risk registry");
    }

    [Fact]
    public void A_journalist_asked_for_by_a_low_risk_state_is_a_concern_named_by_position()
    {
        var demand = Example("16-us-subpoena-for-journalist");
        var concern = Single(Findings(Check, demand, [new AtRiskMatch(0, "journalist")]), FindingOutcome.Concern, "target 1 (journalist)");

        Assert.DoesNotContain(demand.Targets[0].Id, concern.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activist_asked_for_by_a_high_risk_state_fails()
    {
        var demand = Example("18-turkey-disinformation-law-activist");

        Single(Findings(Check, demand, [new AtRiskMatch(0, "activist")]), FindingOutcome.Fail, "user data is not disclosed");
    }
}
