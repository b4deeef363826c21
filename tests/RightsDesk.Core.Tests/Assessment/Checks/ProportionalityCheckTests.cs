using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The proportionality check alone: individualised, limited in time, no broader than its purpose.</summary>
public class ProportionalityCheckTests
{
    private static readonly ProportionalityCheck Check = new();

    [Fact]
    public void An_individualised_time_limited_demand_passes()
    {
        Single(Findings(Check, Example("01-us-search-warrant")), FindingOutcome.Pass, "individualised, limited in time");
    }

    [Fact]
    public void Selecting_people_by_keyword_and_location_is_refused()
    {
        var findings = Findings(Check, Example("09-keyword-and-location-dump"));

        Single(findings, FindingOutcome.Fail, "such bulk demands are not individualised");
        Assert.DoesNotContain(findings, f => f.Outcome == FindingOutcome.Pass);
    }

    [Fact]
    public void A_period_longer_than_the_threshold_is_a_concern()
    {
        Single(Findings(Check, Example("06-hong-kong-national-security")), FindingOutcome.Concern, "368 days of records, more than 180");
    }
}
