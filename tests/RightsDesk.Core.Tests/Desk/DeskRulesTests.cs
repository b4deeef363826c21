using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Tests.Support;

namespace RightsDesk.Core.Tests.Desk;

/// <summary>The rules behind the desk's screens: the canonical identifier, the widening an approver sees, the progress line.</summary>
public sealed class DeskRulesTests
{
    private static readonly Actor Reviewer = Actor.Person("u-1", "reviewer@example.org");

    [Theory]
    [InlineData("@Alice@Social.Example", "https://social.example/@alice")]
    [InlineData("@alice@social.example", "https://SOCIAL.example/@Alice/")]
    [InlineData("\u202Eecila@social.example", "ecila@social.example")]
    [InlineData("ａｌｉｃｅ", "alice")]
    [InlineData("al\u200Bice", "ALICE")]
    public void The_same_account_typed_two_ways_has_one_canonical_form(string a, string b) =>
        Assert.Equal(Identifiers.Canonical(TargetType.Account, b), Identifiers.Canonical(TargetType.Account, a));

    [Fact]
    public void Phone_numbers_are_E164_with_the_authority_country_for_local_numbers()
    {
        Assert.Equal("+4930123456", Identifiers.Canonical(TargetType.Phone, "030 123456", "DE"));
        Assert.Equal("+4930123456", Identifiers.Canonical(TargetType.Phone, "+49 (30) 123-456"));
        Assert.Contains("+4930123456", Identifiers.CanonicalForms("+49 30 123456"));
        Assert.Equal("officer@police.example.gov", Identifiers.Canonical(TargetType.Email, " Officer@Police.Example.GOV "));
    }

    [Fact]
    public void A_departure_that_discloses_more_than_allowed_is_a_widening_and_needs_its_reason()
    {
        var (demand, assessment) = Example("03-us-subpoena-overbroad");
        Assert.Equal(Recommendation.DiscloseNarrowed, assessment.Recommendation);
        var beyond = demand.DataCategories.Except(assessment.AllowedDataCategories).ToList();
        Assert.NotEmpty(beyond);

        var input = new DecisionInput(Recommendation.Disclose, "The court clarified the order on the phone.", demand.DataCategories, null);
        var decision = DecisionRules.Decide(demand, assessment, input, Reviewer, DateTimeOffset.UnixEpoch);
        Assert.NotNull(decision.Widens);
        Assert.Equal(beyond, decision.Widens.Categories);

        var silent = new DecisionInput(Recommendation.Disclose, null, demand.DataCategories, null);
        Assert.Throws<WorkflowException>(() => DecisionRules.Decide(demand, assessment, silent, Reviewer, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Following_the_assessment_widens_nothing()
    {
        var (demand, assessment) = Example("03-us-subpoena-overbroad");
        var decision = DecisionRules.Decide(demand, assessment, new DecisionInput(assessment.Recommendation, null, null, null), Reviewer, DateTimeOffset.UnixEpoch);
        Assert.Null(decision.Widens);
    }

    [Fact]
    public void Progress_shows_where_a_disclosure_stands_and_what_it_skips()
    {
        (WorkflowAction, DemandState)[] steps = [(WorkflowAction.Assess, DemandState.Assessed), (WorkflowAction.Decide, DemandState.AwaitingApproval)];
        var p = CaseProgress.Of(steps, DemandState.AwaitingApproval, Recommendation.DiscloseNarrowed, noticePlanned: true, noticeSent: false);
        Assert.Equal([MilestoneStatus.Done, MilestoneStatus.ToCome, MilestoneStatus.Done, MilestoneStatus.Done, MilestoneStatus.Current, MilestoneStatus.ToCome, MilestoneStatus.ToCome, MilestoneStatus.ToCome],
            p.Milestones.Select(m => m.Status));

        var refused = CaseProgress.Of([.. steps, (WorkflowAction.Close, DemandState.Closed)], DemandState.Closed, Recommendation.Reject, false, false);
        Assert.Equal(MilestoneStatus.NotNeeded, refused.Milestones.Single(m => m.Milestone == Milestone.Approved).Status);
        Assert.Equal(MilestoneStatus.NotNeeded, refused.Milestones.Single(m => m.Milestone == Milestone.Fulfilled).Status);
        Assert.Equal(MilestoneStatus.Done, refused.Milestones.Single(m => m.Milestone == Milestone.Closed).Status);
    }

    [Fact]
    public void The_acknowledgement_of_receipt_is_done_once_sent_and_never_where_the_case_stands()
    {
        var fresh = CaseProgress.Of([], DemandState.Received, null, false, false);
        Assert.Equal(MilestoneStatus.ToCome, fresh.Milestones.Single(m => m.Milestone == Milestone.Acknowledged).Status);
        Assert.Equal(Milestone.Assessed, fresh.Milestones.Single(m => m.Status == MilestoneStatus.Current).Milestone);

        var told = CaseProgress.Of([], DemandState.Received, null, false, false, acknowledged: true);
        Assert.Equal(MilestoneStatus.Done, told.Milestones.Single(m => m.Milestone == Milestone.Acknowledged).Status);

        var closed = CaseProgress.Of([(WorkflowAction.Close, DemandState.Closed)], DemandState.Closed, null, false, false);
        Assert.Equal(MilestoneStatus.NotNeeded, closed.Milestones.Single(m => m.Milestone == Milestone.Acknowledged).Status);
    }

    [Theory]
    [InlineData(new[] { 2.0, 30.0, 5.0 }, 5.0)]
    [InlineData(new[] { 2.0, 4.0, 10.0, 30.0 }, 7.0)]
    public void The_time_to_acknowledge_is_the_median_of_the_hours_from_receipt(double[] hours, double median)
    {
        var received = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(median, TimeToAcknowledge.MedianHours(hours.Select(h => (received, received.AddHours(h)))));
        Assert.Null(TimeToAcknowledge.MedianHours([]));
        Assert.Equal(26, TimeToAcknowledge.Hours(received, received.AddHours(26.9)));
    }

    [Fact]
    public void A_case_waiting_on_the_authority_shows_its_open_loop_and_the_loops_taken()
    {
        (WorkflowAction, DemandState)[] steps = [(WorkflowAction.Assess, DemandState.Assessed), (WorkflowAction.Decide, DemandState.Decided), (WorkflowAction.RequestClarification, DemandState.ClarificationRequested)];
        var p = CaseProgress.Of(steps, DemandState.ClarificationRequested, Recommendation.RequestClarification, false, false);
        Assert.Equal(CaseLoop.Clarification, p.OpenLoop);
        Assert.Equal(1, p.LoopsTaken[CaseLoop.Clarification]);
        Assert.DoesNotContain(p.Milestones, m => m.Status == MilestoneStatus.Current);
    }

    private static (Demand Demand, AssessmentResult Assessment) Example(string name)
    {
        var demand = DemandReader.Read(File.ReadAllText(Path.Combine(Repo.PolicyDir, "examples", name + ".demand.json")));
        return (demand, new RightsAssessor(Repo.Policy).Assess(demand, null));
    }
}
