using RightsDesk.Core.Impact;
using RightsDesk.Core.Transparency;

namespace RightsDesk.Core.Tests.Impact;

public sealed class PhaseAndG4aTests
{
    [Fact]
    public void Phases_go_one_at_a_time_back_only_to_analysis_and_into_monitoring_only_once_signed()
    {
        Assert.Empty(PhaseRules.Check(AssessmentPhase.PlanningAndScoping, AssessmentPhase.DataCollectionAndBaseline, signedOff: false));
        var skip = Assert.Single(PhaseRules.Check(AssessmentPhase.PlanningAndScoping, AssessmentPhase.AnalysingImpacts, signedOff: false));
        Assert.Equal("phase", skip.Field);
        Assert.Contains("data collection and baseline", skip.Message, StringComparison.Ordinal);
        Assert.Empty(PhaseRules.Check(AssessmentPhase.Monitoring, AssessmentPhase.AnalysingImpacts, signedOff: true));
        Assert.Single(PhaseRules.Check(AssessmentPhase.MitigationAndManagement, AssessmentPhase.PlanningAndScoping, signedOff: false));
        Assert.Single(PhaseRules.Check(AssessmentPhase.ReportingAndEvaluation, AssessmentPhase.Monitoring, signedOff: false));
        Assert.Empty(PhaseRules.Check(AssessmentPhase.ReportingAndEvaluation, AssessmentPhase.Monitoring, signedOff: true));
        Assert.Equal([AssessmentPhase.AnalysingImpacts], PhaseRules.Allowed(AssessmentPhase.ReportingAndEvaluation, signedOff: false));
        Assert.Equal([AssessmentPhase.AnalysingImpacts, AssessmentPhase.Monitoring], PhaseRules.Allowed(AssessmentPhase.ReportingAndEvaluation, signedOff: true));
    }

    private static G4aAssessment A(AssessmentTrigger trigger, string country, bool signedOff, bool current = true, bool assured = false, bool accredited = false, params string[] rights) =>
        new(trigger, [country], signedOff, current, rights.ToHashSet(StringComparer.Ordinal), assured, accredited);

    [Fact]
    public void G4a_has_eleven_elements_and_without_assessments_claims_nothing()
    {
        var g4a = G4aSelfAssessment.Assess(new G4aEvidence { OperatingMarkets = ["BR", "KE"] });
        Assert.Equal("G4a", g4a.Id);
        Assert.Equal(Enumerable.Range(1, 11), g4a.Elements.Select(e => e.Number));
        Assert.DoesNotContain(g4a.Elements, e => e.Status == RdrStatus.Met);
        Assert.All(g4a.Elements, e => Assert.False(string.IsNullOrEmpty(e.Gap)));
        Assert.Equal(0, g4a.Elements.Where(e => e.Number != 7).Count(e => e.Status != RdrStatus.NotMet));
    }

    [Fact]
    public void G4a_scores_each_element_from_what_the_assessments_cover_and_names_the_markets_left_out()
    {
        var evidence = new G4aEvidence
        {
            OperatingMarkets = ["BR", "KE"],
            Assessments =
            [
                A(AssessmentTrigger.MarketEntry, "KE", signedOff: true, assured: true, accredited: true, rights: ["iccpr-19", "iccpr-17"]),
                A(AssessmentTrigger.Periodic, "KE", signedOff: true, rights: ["charter-8"]),
                A(AssessmentTrigger.MarketEntry, "BR", signedOff: false, rights: ["iccpr-19"]),
            ],
            RaisedReviews = 2,
            RaisedReviewsConducted = 2,
        };
        var g4a = G4aSelfAssessment.Assess(evidence);
        RdrElement E(int n) => g4a.Elements.Single(e => e.Number == n);
        Assert.Equal(RdrStatus.Partly, E(1).Status);
        Assert.Contains("BR", E(1).Gap, StringComparison.Ordinal);
        Assert.Equal("1 of 2 operating markets covered (KE)", E(1).Evidence);
        Assert.Equal(RdrStatus.NotMet, E(3).Status);
        Assert.Equal(RdrStatus.Met, E(4).Status);
        Assert.Equal(RdrStatus.Met, E(5).Status);
        Assert.Equal(RdrStatus.Met, E(7).Status);
        // The desk knows a second person signed off, not whether that person sits on the board: never claimed.
        Assert.Equal(RdrStatus.Partly, E(8).Status);
        Assert.Equal(RdrStatus.Partly, E(10).Status);
        Assert.Equal(RdrStatus.Met, E(11).Status);

        var all = RdrSelfAssessment.Assess(new RdrEvidence { Impact = evidence });
        Assert.Equal("G4a", all[0].Id);
    }
}
