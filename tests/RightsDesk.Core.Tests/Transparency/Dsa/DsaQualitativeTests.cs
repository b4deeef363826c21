using RightsDesk.Core.Transparency.Dsa;

namespace RightsDesk.Core.Tests.Transparency.Dsa;

/// <summary>Sheet 11's indicator of a possible rate of error: what the record can say about automated decisions,
/// from appeals a person decided, and that it is a floor.</summary>
public sealed class DsaQualitativeTests
{
    private static DsaMeasure Measure(bool automated) => new("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", null, false, DsaMeasure.Voluntary, automated, automated,
        ["DECISION_VISIBILITY_CONTENT_REMOVED"], null, null, null);

    [Fact]
    public void The_error_indicator_counts_automated_decisions_reversed_on_appeal_beside_human_ones()
    {
        var automated = Enumerable.Range(0, 8).Select(_ => Measure(true)).ToList();
        var human = Enumerable.Range(0, 4).Select(_ => Measure(false)).ToList();
        DsaComplaint[] complaints =
        [
            new(automated[0], DsaComplaintOutcome.Reversed, 10), new(automated[1], DsaComplaintOutcome.PartiallyReversed, 12),
            new(automated[2], DsaComplaintOutcome.Upheld, 5), new(automated[3], DsaComplaintOutcome.Pending, null),
            new(human[0], DsaComplaintOutcome.Upheld, 3),
        ];

        var text = DsaQualitative.ErrorRate([.. automated, .. human], complaints);

        Assert.Contains("Decisions taken solely by automated means: 8; appealed: 4; reversed in whole or in part by a person: 2 (25.0% of those decisions, 66.7% of the appeals decided); appeals still pending: 1.", text, StringComparison.Ordinal);
        Assert.Contains("Decisions taken by a person: 4; appealed: 1; reversed in whole or in part: 0 (0.0%, 0.0% of the appeals decided); pending: 0.", text, StringComparison.Ordinal);
        Assert.Contains("can only be higher", text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_appeals_decided_the_shares_say_there_is_no_base_rather_than_zero()
    {
        var text = DsaQualitative.ErrorRate([Measure(true)], [new(Measure(true), DsaComplaintOutcome.Pending, null)]);

        Assert.Contains("reversed in whole or in part by a person: 0 (0.0% of those decisions, no base of the appeals decided)", text, StringComparison.Ordinal);
        Assert.Contains("Decisions taken by a person: 0; appealed: 0; reversed in whole or in part: 0 (no base, no base of the appeals decided)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_indicator_is_written_under_the_templates_own_heading()
    {
        Assert.Contains(DsaQualitative.Accuracy, DsaHeaders.QualitativeIndicators);
    }
}
