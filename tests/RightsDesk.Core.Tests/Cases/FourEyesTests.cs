using RightsDesk.Core.Cases;

namespace RightsDesk.Core.Tests.Cases;

/// <summary>Four eyes between people, as the kernel weighs approvals: who they are, not how they came in.</summary>
public class FourEyesTests
{
    private static readonly Actor Hana = Actor.Person("acc-hana", "hana");
    private static readonly Actor HanaByToken = Actor.Person("acc-hana", "hana", viaToken: "tok-hana-cli");
    private static readonly Actor Omar = Actor.Person("acc-omar", "omar");
    private static readonly Actor OmarByToken = Actor.Person("acc-omar", "omar", viaToken: "tok-omar-1");
    private static readonly Actor Lena = Actor.Person("acc-lena", "lena");
    private static readonly Actor Platform = Actor.Machine("tok-platform", "platform-sync");
    private static readonly Actor Scheduler = Actor.System("notice-job");

    private static Approval By(Actor actor, bool lead = false) => new(actor, lead);

    [Fact]
    public void A_person_decides_but_a_machine_or_the_system_never_does()
    {
        FourEyes.EnsureMayDecide(Hana);
        FourEyes.EnsureMayDecide(HanaByToken);

        Assert.Contains("Only a person decides", Assert.Throws<WorkflowException>(() => FourEyes.EnsureMayDecide(Platform)).Message, StringComparison.Ordinal);
        Assert.Throws<WorkflowException>(() => FourEyes.EnsureMayDecide(Scheduler));
    }

    [Fact]
    public void The_decider_never_approves_their_own_decision_in_a_session_or_through_a_token()
    {
        var inSession = Assert.Throws<WorkflowException>(() => FourEyes.Approve(Hana, [], By(Hana), 1, false));
        var byToken = Assert.Throws<WorkflowException>(() => FourEyes.Approve(Hana, [], By(HanaByToken, lead: true), 1, false));

        Assert.Contains("Nobody approves their own decision", inSession.Message, StringComparison.Ordinal);
        Assert.Equal(inSession.Message, byToken.Message);
    }

    [Fact]
    public void Two_tokens_of_one_person_are_one_approver()
    {
        var again = Assert.Throws<WorkflowException>(() => FourEyes.Approve(Hana, [By(Omar)], By(OmarByToken), 2, false));

        Assert.Contains("already approved", again.Message, StringComparison.Ordinal);
        Assert.False(FourEyes.IsComplete([By(Omar), By(OmarByToken)], 2, false));
        Assert.Equal("1 more approval", FourEyes.Missing([By(Omar), By(OmarByToken)], 2, false));
    }

    [Fact]
    public void Distinct_people_complete_a_decision_that_needs_two()
    {
        Assert.False(FourEyes.Approve(Hana, [], By(Omar), 2, false));
        Assert.True(FourEyes.Approve(Hana, [By(Omar)], By(Lena), 2, false));
        Assert.Null(FourEyes.Missing([By(Omar), By(Lena)], 2, false));
    }

    [Fact]
    public void A_machine_or_the_system_never_approves_and_never_counts()
    {
        var machine = Assert.Throws<WorkflowException>(() => FourEyes.Approve(Hana, [], By(Platform, lead: true), 1, false));
        Assert.Throws<WorkflowException>(() => FourEyes.Approve(Hana, [], By(Scheduler), 1, false));

        Assert.Contains("Only a person approves", machine.Message, StringComparison.Ordinal);
        // Even if a machine's approval reached the store some other way, it would not complete anything.
        Assert.False(FourEyes.IsComplete([By(Platform, lead: true)], 1, escalated: true));
        Assert.False(FourEyes.IsComplete([By(Scheduler)], 1, false));
    }

    [Fact]
    public void An_escalated_case_needs_the_escalation_role_among_its_approvers()
    {
        Assert.False(FourEyes.Approve(Hana, [], By(Omar), 1, escalated: true));
        Assert.Equal("an approval by the human rights lead (the case is escalated)", FourEyes.Missing([By(Omar)], 1, true));
        Assert.Equal("1 more approval, one of them by the human rights lead", FourEyes.Missing([By(Omar)], 2, true));

        Assert.True(FourEyes.Approve(Hana, [By(Omar)], By(Lena, lead: true), 1, escalated: true));
        Assert.True(FourEyes.Approve(Hana, [], By(Lena, lead: true), 1, escalated: true));
    }

    [Fact]
    public void The_lead_role_is_no_substitute_for_the_number_of_people()
    {
        Assert.False(FourEyes.Approve(Hana, [], By(Lena, lead: true), 2, escalated: true));
        Assert.Equal("1 more approval", FourEyes.Missing([By(Lena, lead: true)], 2, true));
    }

    [Fact]
    public void A_decision_always_needs_at_least_one_approver()
    {
        Assert.False(FourEyes.IsComplete([], 0, false));
        Assert.Equal("1 more approval", FourEyes.Missing([], 0, false));
        Assert.Equal("2 more approvals", FourEyes.Missing([], 2, false));
    }

    [Fact]
    public void People_are_compared_by_account_not_by_name()
    {
        var namesake = Actor.Person("acc-other-hana", "hana");

        Assert.False(FourEyes.Approve(Hana, [], By(namesake), 2, false));
        Assert.False(Hana.IsSamePersonAs(namesake));
        Assert.True(Hana.IsSamePersonAs(HanaByToken));
        Assert.False(Platform.IsSamePersonAs(Actor.Machine("tok-platform", "platform-sync")));
    }
}
