using RightsDesk.Core.Transparency;

namespace RightsDesk.Core.Tests.Transparency;

/// <summary>The self-assessment claims only what the evidence shows: a table in the latest report, a published
/// share, a policy entry; what is not there is not met, with the gap named.</summary>
public sealed class RdrSelfAssessmentTests
{
    [Fact]
    public void Without_a_published_report_every_data_element_is_not_met_and_says_why()
    {
        var indicators = RdrSelfAssessment.Assess(new RdrEvidence { Jurisdictions = 3, Offences = 4, PolicyVersion = "sha256:x" });
        var p11a = indicators.Single(i => i.Id == "P11a");
        Assert.All(p11a.Elements, e => Assert.Equal(RdrStatus.NotMet, e.Status));
        Assert.All(p11a.Elements, e => Assert.False(string.IsNullOrEmpty(e.Gap)));
        Assert.Equal(0, p11a.Score);
        Assert.Equal(RdrStatus.Partly, indicators.Single(i => i.Id == "P12").Elements[0].Status);
    }

    [Fact]
    public void A_report_with_the_tables_meets_their_elements_and_the_score_is_the_mean_credit()
    {
        var evidence = new RdrEvidence
        {
            ReportVersions = 2, LatestPeriod = "2026-H1", LatestVersion = 2, PublishedWithinYear = true,
            Tables = new HashSet<string> { "user_data_by_country", "user_data_by_data", "user_data_totals/accounts_affected", "user_data_by_process", "user_data_by_outcome" },
            NoticeShares = new Dictionary<string, string> { ["notifiedBeforeDisclosure"] = "40" },
        };
        var p11a = RdrSelfAssessment.Assess(evidence).Single(i => i.Id == "P11a");
        Assert.Equal("table user_data_by_country in 2026-H1 version 2", p11a.Elements[0].Evidence);
        Assert.Null(p11a.Elements[0].Gap);
        Assert.Equal(RdrStatus.NotMet, p11a.Elements[7].Status);
        Assert.Equal(90, p11a.Score);
        var p12 = RdrSelfAssessment.Assess(evidence).Single(i => i.Id == "P12");
        Assert.Contains("notifiedBeforeDisclosure 40%", p12.Elements[0].Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void F6_8_is_met_only_by_originals_on_the_public_pages_or_in_a_public_publication()
    {
        static RdrElement F68(RdrEvidence e) => RdrSelfAssessment.Assess(e).Single(i => i.Id == "F6").Elements.Single(x => x.Number == 8);

        var none = F68(new RdrEvidence());
        Assert.Equal(RdrStatus.NotMet, none.Status);
        Assert.Equal("no public publication of original demands is on record", none.Evidence);
        Assert.Contains("publish takedowns --tier public", none.Gap, StringComparison.Ordinal);

        var empty = F68(new RdrEvidence { OriginalsPublishedOn = new DateOnly(2026, 7, 1) });
        Assert.Equal(RdrStatus.NotMet, empty.Status);
        Assert.Equal("the latest public publication held no original", empty.Evidence);

        var lumenOnly = F68(new RdrEvidence { LumenNotices = 4 });
        Assert.Equal(RdrStatus.Partly, lumenOnly.Status);
        Assert.Contains("4 notices in the latest Lumen export", lumenOnly.Evidence, StringComparison.Ordinal);
        Assert.Contains("submission is not recorded", lumenOnly.Gap, StringComparison.Ordinal);

        var met = F68(new RdrEvidence { PublishedOriginals = 3, OriginalsPublishedOn = new DateOnly(2026, 7, 1), LumenNotices = 4 });
        Assert.Equal(RdrStatus.Met, met.Status);
        Assert.Equal("3 originals in the latest public publication (2026-07-01); 4 notices in the latest Lumen export", met.Evidence);
        Assert.Null(met.Gap);
        Assert.Equal("/en/transparency", met.Link);

        var pages = F68(new RdrEvidence { ShownOriginals = 2, ShownYear = 2026 });
        Assert.Equal(RdrStatus.Met, pages.Status);
        Assert.Equal("2 originals of 2026 on the public pages", pages.Evidence);
        Assert.Equal("/en/transparency/takedowns", pages.Link);

        var both = F68(new RdrEvidence { ShownOriginals = 2, ShownYear = 2026, PublishedOriginals = 3, OriginalsPublishedOn = new DateOnly(2026, 7, 1) });
        Assert.Equal("2 originals of 2026 on the public pages; 3 originals in the latest public publication (2026-07-01)", both.Evidence);

        // A year whose takedowns are all held or undecided shows none: the pages alone do not meet the element.
        Assert.Equal(RdrStatus.NotMet, F68(new RdrEvidence { ShownOriginals = 0, ShownYear = 2026 }).Status);
    }
}
