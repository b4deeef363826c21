using RightsDesk.Core.Assessment;
using RightsDesk.Core.Assessment.Checks;
using static RightsDesk.Core.Tests.Assessment.Checks.CheckRun;

namespace RightsDesk.Core.Tests.Assessment.Checks;

/// <summary>The completeness check alone: the elements a demand must carry, and the DSA order's elements wherever the authority wrote them.</summary>
public class CompletenessCheckTests
{
    private static readonly CompletenessCheck Check = new();

    [Fact]
    public void A_complete_written_warrant_passes()
    {
        var findings = Findings(Check, Example("01-us-search-warrant"));

        Single(findings, FindingOutcome.Pass, "names its legal basis");
        Assert.DoesNotContain(findings, f => f.Outcome != FindingOutcome.Pass);
    }

    [Fact]
    public void A_demand_without_a_legal_basis_fails_and_asks_for_it()
    {
        var findings = Findings(Check, Example("17-india-notice-without-legal-basis"));

        Single(findings, FindingOutcome.Fail, "No legal basis is cited");
        Assert.DoesNotContain(findings, f => f.Outcome == FindingOutcome.Pass);
    }

    [Fact]
    public void A_dsa_order_without_reasons_or_redress_anywhere_fails_naming_both()
    {
        var fails = Findings(Check, Example("11-dsa-order-incomplete")).Where(f => f.Outcome is FindingOutcome.Fail).ToList();

        // One finding per missing element, so the authority's letter asks for each on its own line.
        Assert.Equal([FindingCodes.DsaMissingReasons, FindingCodes.DsaMissingRedress], fails.Select(f => f.Code));
        Assert.Contains("a statement of reasons explaining the objective, necessity and proportionality", fails[0].Reason, StringComparison.Ordinal);
        Assert.Contains("information about the redress available", fails[1].Reason, StringComparison.Ordinal);
        Assert.All(fails, f => Assert.Equal("DSA Art. 10(2)", f.Standard));
    }

    [Fact]
    public void A_dsa_order_whose_elements_are_in_its_text_passes_and_says_where_they_were_found()
    {
        var pass = Single(Findings(Check, Example("21-dsa-order-elements-in-its-text")), FindingOutcome.Pass, "The DSA order carries");

        Assert.Contains("the statement of reasons in the description of the offence", pass.Reason, StringComparison.Ordinal);
        Assert.Contains("the redress information in the description of the offence", pass.Reason, StringComparison.Ordinal);
        Assert.Contains("where to report the effect in the description of the offence", pass.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Redress_written_into_the_statement_of_reasons_counts_and_a_bare_citation_is_not_reasons()
    {
        var redressInReasons = Example("11-dsa-order-incomplete", n => n["statementOfReasons"] = "Objective: identify the sender of threats; this is necessary and proportionate. The provider may contest this order before the Tribunal judiciaire de Paris.");
        Single(Findings(Check, redressInReasons), FindingOutcome.Pass, "the redress information in the statement of reasons");

        var citationOnly = Example("11-dsa-order-incomplete", n => n["redress"] = "Recours devant le Tribunal judiciaire de Paris.");
        Single(Findings(Check, citationOnly), FindingOutcome.Fail, "a statement of reasons");
    }

    [Fact]
    public void A_dsa_order_that_says_nowhere_where_to_report_the_effect_fails()
    {
        var demand = Example("10-dsa-article-10-order", n => n["authority"]!["email"] = null);

        Single(Findings(Check, demand), FindingOutcome.Fail, "where the provider should report the effect given to the order");
    }
}
