using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;

namespace RightsDesk.Core.Tests.Cases;

/// <summary>
/// Every (state, action) pair of the demand workflow, with no decision and with each decided outcome, against a table
/// written out here by hand: a step the kernel adds or drops by accident shows up as a failing pair, and the desk's
/// buttons and queues (which ask the kernel) can never offer what this table refuses.
/// </summary>
public class WorkflowTransitionTests
{
    private static readonly Recommendation[] Fulfillable =
        [Recommendation.Disclose, Recommendation.DiscloseNarrowed, Recommendation.Preserve, Recommendation.RestrictInJurisdiction];

    /// <summary>The expected next state, or null when the step is refused, for the outcome decided so far.</summary>
    private static DemandState? Expected(DemandState state, WorkflowAction action, Recommendation? decided) => (state, action) switch
    {
        (DemandState.Received, WorkflowAction.Assess) => DemandState.Assessed,
        (DemandState.Received, WorkflowAction.Close) => DemandState.Closed,
        (DemandState.Received, WorkflowAction.RecordVerification) => DemandState.Received,
        (DemandState.Assessed, WorkflowAction.Assess) => DemandState.Assessed,
        (DemandState.Assessed, WorkflowAction.Decide) => DemandState.Decided,
        (DemandState.Assessed, WorkflowAction.Close) => DemandState.Closed,
        (DemandState.Assessed, WorkflowAction.RecordVerification) => DemandState.Assessed,
        (DemandState.AwaitingApproval, WorkflowAction.Approve) => DemandState.AwaitingApproval,
        (DemandState.AwaitingApproval, WorkflowAction.SendBack) => DemandState.Assessed,
        // Fulfilment exists only after an outcome that leaves work at the platform.
        (DemandState.Decided, WorkflowAction.Fulfil) when decided is { } o && Fulfillable.Contains(o) => DemandState.Fulfilled,
        (DemandState.Decided, WorkflowAction.Close) => DemandState.Closed,
        (DemandState.Decided, WorkflowAction.RequestClarification) => DemandState.ClarificationRequested,
        (DemandState.Decided, WorkflowAction.RequestVerification) when decided is Recommendation.VerifyRequester => DemandState.VerificationPending,
        (DemandState.Decided, WorkflowAction.Challenge) when decided is Recommendation.Challenge => DemandState.Challenged,
        (DemandState.Fulfilled, WorkflowAction.Close) => DemandState.Closed,
        (DemandState.ClarificationRequested or DemandState.VerificationPending or DemandState.Challenged, WorkflowAction.AnswerReceived) => DemandState.Received,
        (DemandState.ClarificationRequested or DemandState.VerificationPending or DemandState.Challenged, WorkflowAction.Close) => DemandState.Closed,
        (DemandState.VerificationPending, WorkflowAction.RecordVerification) => DemandState.Received,
        _ => null,
    };

    public static TheoryData<DemandState, WorkflowAction, Recommendation?> EveryPair()
    {
        var data = new TheoryData<DemandState, WorkflowAction, Recommendation?>();
        Recommendation?[] outcomes = [null, .. Enum.GetValues<Recommendation>().Cast<Recommendation?>()];
        foreach (var state in Enum.GetValues<DemandState>())
        {
            foreach (var action in Enum.GetValues<WorkflowAction>())
            {
                foreach (var decided in outcomes)
                {
                    data.Add(state, action, decided);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_step_is_allowed_exactly_where_the_table_says(DemandState state, WorkflowAction action, Recommendation? decided)
    {
        var expected = Expected(state, action, decided);

        Assert.Equal(expected is not null, Workflow.Allows(state, action, decided));
        Assert.Equal(expected is not null, Workflow.AllowedFrom(state, decided).Contains(action));
        if (expected is { } next)
        {
            Assert.Equal(next, Workflow.Next(state, action, decided));
        }
        else
        {
            var refused = Assert.Throws<WorkflowException>(() => Workflow.Next(state, action, decided));
            Assert.Contains("Allowed now:", refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Recommendation.Reject)]
    [InlineData(Recommendation.RouteViaMlat)]
    [InlineData(Recommendation.RequestClarification)]
    public void Fulfilling_a_decision_that_hands_nothing_over_says_to_close_instead(Recommendation outcome)
    {
        var refused = Assert.Throws<WorkflowException>(() => Workflow.Next(DemandState.Decided, WorkflowAction.Fulfil, outcome));

        Assert.Contains("nothing to fulfil; close the demand instead", refused.Message, StringComparison.Ordinal);
        Assert.Contains("close", refused.Message[refused.Message.IndexOf("Allowed now:", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_demand_allows_nothing_and_says_so()
    {
        var refused = Assert.Throws<WorkflowException>(() => Workflow.Next(DemandState.Closed, WorkflowAction.Assess));

        Assert.Empty(Workflow.AllowedFrom(DemandState.Closed, Recommendation.Disclose));
        Assert.EndsWith("Allowed now: nothing.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_queue_lists_only_the_states_its_action_is_allowed_in()
    {
        Assert.Equal([DemandState.Assessed], Workflow.StatesAllowing(WorkflowAction.Decide));
        Assert.Equal([DemandState.AwaitingApproval], Workflow.StatesAllowing(WorkflowAction.Approve));
        Assert.Equal([DemandState.Decided], Workflow.StatesAllowing(WorkflowAction.Fulfil));
        Assert.Equal(
            [DemandState.ClarificationRequested, DemandState.VerificationPending, DemandState.Challenged],
            Workflow.StatesAllowing(WorkflowAction.AnswerReceived).Order());
    }

    [Theory]
    [InlineData(Recommendation.Disclose, true, true)]
    [InlineData(Recommendation.DiscloseNarrowed, true, true)]
    [InlineData(Recommendation.RestrictInJurisdiction, true, true)]
    [InlineData(Recommendation.Preserve, false, true)]
    [InlineData(Recommendation.Reject, false, false)]
    [InlineData(Recommendation.Challenge, false, false)]
    [InlineData(Recommendation.VerifyRequester, false, false)]
    [InlineData(Recommendation.RequestClarification, false, false)]
    [InlineData(Recommendation.RouteViaMlat, false, false)]
    public void Handing_over_or_restricting_waits_for_approval_and_only_work_for_the_platform_is_fulfilled(
        Recommendation outcome, bool needsApproval, bool needsFulfilment)
    {
        var decision = new Decision(outcome, "hana", DateTimeOffset.UnixEpoch, null, false, [], [], [], needsApproval ? 1 : 0, "acc-hana");

        Assert.Equal(needsApproval, decision.NeedsApproval);
        Assert.Equal(needsFulfilment, decision.NeedsFulfilment);
        Assert.Equal(needsApproval ? DemandState.AwaitingApproval : DemandState.Decided, Workflow.NextAfterDecision(decision));
    }

    [Theory]
    [InlineData(Recommendation.RequestClarification, WorkflowAction.RequestClarification)]
    [InlineData(Recommendation.VerifyRequester, WorkflowAction.RequestVerification)]
    [InlineData(Recommendation.Challenge, WorkflowAction.Challenge)]
    public void An_outcome_that_goes_back_to_the_authority_takes_its_own_step(Recommendation outcome, WorkflowAction step)
    {
        Assert.Equal(step, Workflow.FollowUpFor(outcome));
        Assert.True(Workflow.Allows(DemandState.Decided, step, outcome));
    }

    [Fact]
    public void Outcomes_that_end_with_the_decision_take_no_step_by_themselves()
    {
        Recommendation[] ending = [.. Fulfillable, Recommendation.Reject, Recommendation.RouteViaMlat];

        Assert.All(ending, o => Assert.Null(Workflow.FollowUpFor(o)));
    }
}
