using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The restriction-scope check alone: where a restriction applies, and what the Rabat test asks of incitement claims.</summary>
public class RestrictionScopeCheckTests
{
    private static readonly RestrictionScopeCheck Check = new();

    [Fact]
    public void A_geo_block_asked_for_only_where_the_law_applies_passes()
    {
        var demand = Example("07-germany-section-130-court-order", n => n["restriction"] = Json("""{"action":"geoBlock","territories":["DE"]}"""));
        var findings = Findings(Check, demand);

        Assert.Contains(findings, f => f.Reason == "The restriction is asked for in Germany only, where the law cited applies.");
        Assert.DoesNotContain(findings, f => f.Outcome != FindingOutcome.Pass);
    }

    [Fact]
    public void Worldwide_removal_on_local_law_is_narrowed_and_political_speech_is_flagged()
    {
        var findings = Findings(Check, Example("08-turkey-insulting-the-president"));

        Assert.Contains(findings, f => f.Outcome == FindingOutcome.Concern && f.Reason.Contains("it is applied in TR only", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Outcome == FindingOutcome.Concern && f.Reason.Contains("political speech", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Outcome == FindingOutcome.Pass);
    }

    [Fact]
    public void A_user_data_demand_gets_no_restriction_finding()
    {
        Assert.Empty(Findings(Check, Example("01-us-search-warrant")));
    }
}
