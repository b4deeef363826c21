using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The legitimate-aim check alone: whether the law relied on is one used against peaceful expression.</summary>
public class LegitimateAimCheckTests
{
    private static readonly LegitimateAimCheck Check = new();

    [Fact]
    public void An_ordinary_criminal_law_passes()
    {
        Single(Findings(Check, Example("01-us-search-warrant")), FindingOutcome.Pass, "not among the laws commonly used against peaceful expression");
    }

    [Fact]
    public void Insulting_the_president_is_not_a_legitimate_aim()
    {
        var fail = Single(Findings(Check, Example("08-turkey-insulting-the-president")), FindingOutcome.Fail, "Art. 299");

        Assert.Contains("Venice Commission", fail.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_neither_law_nor_offence_the_aim_cannot_be_judged()
    {
        Single(Findings(Check, Example("17-india-notice-without-legal-basis")), FindingOutcome.Concern, "Neither a law nor an offence is named");
    }
}
