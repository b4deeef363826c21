using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The legal-process check alone: whether the process used reaches what is asked for.</summary>
public class LegalProcessCheckTests
{
    private static readonly LegalProcessCheck Check = new();

    [Fact]
    public void A_search_warrant_reaches_every_category_asked_for()
    {
        Single(Findings(Check, Example("01-us-search-warrant")), FindingOutcome.Pass, "a search warrant suffices for every category");
    }

    [Fact]
    public void A_subpoena_does_not_reach_content_and_the_disclosure_is_narrowed()
    {
        var concern = Single(Findings(Check, Example("03-us-subpoena-overbroad")), FindingOutcome.Concern, "a subpoena does not reach everything asked for");

        Assert.Contains("content of messages, posts and files needs search warrant", concern.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_informal_request_is_not_a_legal_order()
    {
        var findings = Findings(Check, Example("19-informal-government-takedown-request"));

        Single(findings, FindingOutcome.Fail, "An informal government request is not a legal order");
        Assert.DoesNotContain(findings, f => f.Outcome == FindingOutcome.Pass);
    }
}
