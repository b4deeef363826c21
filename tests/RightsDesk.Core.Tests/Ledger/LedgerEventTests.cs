using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;

namespace RightsDesk.Core.Tests.Ledger;

/// <summary>What the typed events add for transparency reports, and the code ranges features draw from.</summary>
public sealed class LedgerEventTests
{
    private static readonly Guid Id = Guid.Parse("0b7e5c1d-2a3f-4b6c-8d9e-0f1a2b3c4d5e");
    private static readonly DemandDimensions Case = new(DemandKind.ContentRestriction, "TR", AuthorityType.Court, LegalProcess.CourtOrder, true, new DateOnly(2026, 11, 4));

    [Fact]
    public void The_report_dimensions_are_added_beside_the_old_fields_without_changing_them()
    {
        var old = LedgerFields.Of(new DecisionApproved(Id, 1, 2));
        var extended = LedgerFields.Of(new DecisionApproved(Id, 1, 2, Recommendation.RestrictInJurisdiction, Case));

        Assert.All(old, f => Assert.Equal(f.Value, extended[f.Key]));
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["outcome"] = "restrictInJurisdiction", ["kind"] = "contentRestriction", ["country"] = "TR", ["authorityType"] = "court",
                ["legalProcess"] = "courtOrder", ["emergency"] = "true", ["receivedOn"] = "2026-11-04",
            },
            extended.Where(f => !old.ContainsKey(f.Key)).ToDictionary());
    }

    [Fact]
    public void A_created_demand_keeps_its_own_kind_and_country_and_gains_the_rest()
    {
        var fields = LedgerFields.Of(new DemandCreated(DemandKind.ContentRestriction, "TR", Channel.Portal, "ab", "portal", Case, new DateOnly(2026, 11, 20)));

        Assert.Equal(
            ["authorityType", "channel", "country", "deadline", "demandSha256", "emergency", "kind", "legalProcess", "receivedOn", "via"],
            fields.Keys.ToArray());
        Assert.Equal("2026-11-20", fields["deadline"]);
    }

    [Fact]
    public void A_closed_demand_says_what_it_closed_with_when_known()
    {
        Assert.Empty(LedgerFields.Of(new DemandClosed()));
        var fields = LedgerFields.Of(new DemandClosed(DemandState.Fulfilled, Recommendation.DiscloseNarrowed, Case));
        Assert.Equal("fulfilled", fields["from"]);
        Assert.Equal("discloseNarrowed", fields["outcome"]);
        Assert.Equal("TR", fields["country"]);
    }

    [Fact]
    public void Every_code_lies_in_a_feature_range_and_the_ranges_do_not_overlap()
    {
        Assert.All(Enum.GetValues<LedgerEventCode>(), c => Assert.NotNull(LedgerCodeRanges.Of((int)c)));
        var ranges = LedgerCodeRanges.All.OrderBy(r => r.First).ToList();
        Assert.All(ranges.Zip(ranges.Skip(1)), p => Assert.True(p.First.Last < p.Second.First));
        Assert.Equal([4000, 5000, 6000, 7000, 8000], ranges.Select(r => r.First).Where(f => f >= 4000));
    }

    [Fact]
    public void A_stored_code_this_build_does_not_know_is_named_by_its_number()
    {
        Assert.Equal("DemandCreated", LedgerCodeRanges.NameOf(1000));
        // The last code of the moderation range, which moderation leaves unassigned for this test.
        Assert.Equal("4999", LedgerCodeRanges.NameOf(4999));
    }
}
