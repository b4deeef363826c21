using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The jurisdiction-risk check alone: the authority's country rating and the operator's own policies for it.</summary>
public class JurisdictionRiskCheckTests
{
    private static readonly JurisdictionRiskCheck Check = new();

    [Fact]
    public void A_low_risk_country_passes()
    {
        Single(Findings(Check, Example("01-us-search-warrant")), FindingOutcome.Pass, "United States is rated low risk");
    }

    [Fact]
    public void The_operators_suspension_of_user_data_for_hong_kong_fails_the_demand()
    {
        var findings = Findings(Check, Example("06-hong-kong-national-security"));

        Single(findings, FindingOutcome.Fail, "hk-nsl-user-data-suspension");
        Single(findings, FindingOutcome.Concern, "Hong Kong is rated high risk");
    }
}
