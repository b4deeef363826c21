using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The jurisdiction check alone: whether the data may go to this authority directly or only through mutual legal assistance.</summary>
public class JurisdictionCheckTests
{
    private static readonly JurisdictionCheck Check = new();

    [Fact]
    public void Data_held_in_the_authoritys_own_country_passes()
    {
        Single(Findings(Check, Example("01-us-search-warrant")), FindingOutcome.Pass, "the authority's own jurisdiction");
    }

    [Fact]
    public void Content_asked_for_directly_by_a_foreign_authority_must_go_through_mutual_legal_assistance()
    {
        var findings = Findings(Check, Example("05-brazil-content-without-mlat"));

        Single(findings, FindingOutcome.Concern, "only through mutual legal assistance");
        Assert.DoesNotContain(findings, f => f.Outcome == FindingOutcome.Pass);
    }
}
