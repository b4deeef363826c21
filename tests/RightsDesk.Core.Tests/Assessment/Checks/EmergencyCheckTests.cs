using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The emergency check alone: a stated imminent danger, the emergency scope, and the follow-up process.</summary>
public class EmergencyCheckTests
{
    private static readonly EmergencyCheck Check = new();

    [Fact]
    public void A_stated_danger_to_life_passes_and_the_follow_up_is_due()
    {
        var findings = Findings(Check, Example("14-us-genuine-emergency"));

        Single(findings, FindingOutcome.Pass, "imminent risk of death or serious physical injury");
        Assert.Contains(findings, f => f.Reason.Contains("Follow-up legal process is due by 2026-12-02", StringComparison.Ordinal));
    }

    [Fact]
    public void An_emergency_without_a_stated_danger_fails()
    {
        var findings = Findings(Check, Example("04-forged-emergency-request-free-mail"));

        Single(findings, FindingOutcome.Fail, "no imminent risk of death or serious physical injury is stated");
        Assert.DoesNotContain(findings, f => f.Outcome == FindingOutcome.Pass);
    }

    [Fact]
    public void A_demand_that_claims_no_emergency_gets_no_emergency_finding()
    {
        Assert.Empty(Findings(Check, Example("01-us-search-warrant")));
    }
}
