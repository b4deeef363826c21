using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The authenticity check alone: who sent the demand, as far as the desk can tell.</summary>
public class AuthenticityCheckTests
{
    private static readonly AuthenticityCheck Check = new();

    [Fact]
    public void A_demand_from_a_verified_portal_account_passes()
    {
        var findings = Findings(Check, Example("01-us-search-warrant"), requester: new RequesterStanding(RequesterStatus.VerifiedPortal, new DateOnly(2026, 1, 12)));

        Single(findings, FindingOutcome.Pass, "verified on 2026-01-12");
        Assert.DoesNotContain(findings, f => f.Outcome != FindingOutcome.Pass);
    }

    [Fact]
    public void An_emergency_claimed_from_free_mail_fails_twice()
    {
        var findings = Findings(Check, Example("04-forged-emergency-request-free-mail"));

        Assert.Equal(2, findings.Count(f => f.Outcome == FindingOutcome.Fail));
        Assert.Contains(findings, f => f.Reason.Contains("free-mail address (gmail.com)", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Reason.Contains("Call the agency back", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Outcome == FindingOutcome.Pass);
    }
}
