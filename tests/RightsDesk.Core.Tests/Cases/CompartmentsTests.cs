using RightsDesk.Core.Cases;
using RightsDesk.Core.Security;

namespace RightsDesk.Core.Tests.Cases;

/// <summary>Need-to-know: who sees a restricted case, who sees only where a case stands, and what a token never sees.</summary>
public class CompartmentsTests
{
    private static readonly Actor Lead = Actor.Person("acc-lead", "lena");
    private static readonly Actor LeadByToken = Actor.Person("acc-lead", "lena", viaToken: "tok-lena");
    private static readonly Actor Reviewer = Actor.Person("acc-rev", "ravi");
    private static readonly Actor ReviewerByToken = Actor.Person("acc-rev", "ravi", viaToken: "tok-ravi");
    private static readonly Actor OtherReviewer = Actor.Person("acc-rev2", "rosa");
    private static readonly Actor PlatformSystem = Actor.Machine("tok-platform", "platform-sync");

    private static Viewer Session(Actor actor, string role) => Viewer.For(actor, role, viaToken: false);

    private static Viewer Token(Actor actor, string role) => Viewer.For(actor, role, viaToken: true);

    private static CaseAccess Restricted(Actor? assignee = null, Actor? creator = null) =>
        new(true, assignee?.Id, assignee?.LedgerName, creator?.Id, creator?.LedgerName ?? "intake-desk");

    private static CaseAccess Open(Actor? creator = null) => new(false, null, null, creator?.Id, creator?.LedgerName ?? "intake-desk");

    [Fact]
    public void A_restricted_case_is_read_by_the_cleared_and_by_its_assignee_in_a_session()
    {
        var assigned = Restricted(assignee: Reviewer);

        Assert.True(Compartments.CanSeeContents(Session(Lead, Roles.HumanRightsLead), assigned));
        Assert.True(Compartments.CanSeeContents(Session(Reviewer, Roles.LegalReviewer), assigned));
        Assert.True(Compartments.CanAct(Session(Reviewer, Roles.LegalReviewer), assigned, Permission.DemandDecide));
        Assert.False(Compartments.CanSeeContents(Session(OtherReviewer, Roles.LegalReviewer), assigned));
        Assert.False(Compartments.CanSee(Session(OtherReviewer, Roles.LegalReviewer), assigned));
        Assert.False(Compartments.CanAct(Session(OtherReviewer, Roles.LegalReviewer), assigned, Permission.DemandDecide));
    }

    [Fact]
    public void No_token_reads_a_restricted_case_not_even_the_assignees_or_the_leads()
    {
        var assigned = Restricted(assignee: Reviewer);

        Assert.False(Compartments.CanSeeContents(Token(ReviewerByToken, Roles.LegalReviewer), assigned));
        Assert.False(Compartments.CanSeeContents(Token(LeadByToken, Roles.HumanRightsLead), assigned));
        Assert.False(Compartments.CanAct(Token(ReviewerByToken, Roles.LegalReviewer), assigned, Permission.DemandDecide));
        Assert.False(Compartments.SeesAnyRestricted(Token(LeadByToken, Roles.HumanRightsLead)));
        Assert.False(Compartments.SeesAllRestricted(Token(LeadByToken, Roles.HumanRightsLead)));
    }

    [Fact]
    public void Lists_show_every_restricted_case_only_to_the_cleared_and_the_assigned_ones_to_others_in_a_session()
    {
        Assert.True(Compartments.SeesAllRestricted(Session(Lead, Roles.HumanRightsLead)));
        Assert.False(Compartments.SeesAllRestricted(Session(Reviewer, Roles.LegalReviewer)));
        Assert.True(Compartments.SeesAnyRestricted(Session(Reviewer, Roles.LegalReviewer)));
    }

    [Fact]
    public void An_open_case_is_read_by_anyone_holding_the_read_permission_however_they_come()
    {
        Assert.True(Compartments.CanSeeContents(Session(OtherReviewer, Roles.LegalReviewer), Open()));
        Assert.True(Compartments.CanSeeContents(Token(ReviewerByToken, Roles.LegalReviewer), Open()));
        Assert.False(Compartments.CanSeeContents(Session(Actor.Person("acc-aud", "ada"), Roles.Auditor), Open()));
        Assert.False(Compartments.CanAct(Session(Actor.Person("acc-app", "abe"), Roles.Approver), Open(), Permission.DemandDecide));
    }

    [Fact]
    public void A_submitter_follows_the_status_of_its_own_case_never_its_contents()
    {
        var own = Open(creator: PlatformSystem);
        var ownRestricted = Restricted(creator: PlatformSystem);
        var machine = Token(PlatformSystem, Roles.Platform);

        Assert.True(Compartments.CanSee(machine, own));
        Assert.True(Compartments.CanSee(machine, ownRestricted));
        Assert.False(Compartments.CanSeeContents(machine, own));
        Assert.False(Compartments.CanSeeContents(machine, ownRestricted));
        Assert.False(Compartments.CanAct(machine, own, Permission.DemandCreate));
    }

    [Fact]
    public void A_submitter_does_not_see_what_others_submitted()
    {
        var someoneElses = Open(creator: Actor.Machine("tok-other", "other-sync"));

        Assert.False(Compartments.CanSee(Token(PlatformSystem, Roles.Platform), someoneElses));
    }

    [Fact]
    public void Cases_stored_before_actors_had_ids_are_matched_by_the_ledger_name()
    {
        var legacy = new CaseAccess(true, null, Reviewer.LedgerName, null, "token:" + PlatformSystem.Name);

        Assert.True(Compartments.CanSeeContents(Session(Reviewer, Roles.LegalReviewer), legacy));
        Assert.False(Compartments.CanSeeContents(Session(OtherReviewer, Roles.LegalReviewer), legacy));
        Assert.True(Compartments.CanSee(Token(PlatformSystem, Roles.Platform), legacy));
    }

    [Fact]
    public void A_token_of_a_person_is_the_person_for_assignment_but_still_a_token()
    {
        var viewer = Token(ReviewerByToken, Roles.LegalReviewer);

        Assert.True(viewer.ViaToken);
        Assert.True(Restricted(assignee: Reviewer).IsAssignedTo(viewer.Actor));
        Assert.False(viewer.Can(Permission.DemandReadRestricted));
        Assert.True(Token(PlatformSystem, Roles.Platform).ViaToken);
        Assert.False(Session(Reviewer, Roles.LegalReviewer).ViaToken);
    }
    [Fact]
    public void A_filer_not_cleared_follows_every_case_they_file_by_its_status_restricted_or_not()
    {
        var intake = Actor.Person("acc-int", "ines");
        var session = Session(intake, Roles.Intake);

        Assert.False(Compartments.CanSeeContents(session, Open(creator: intake)));
        Assert.False(Compartments.CanSeeContents(session, Restricted(creator: intake)));
        Assert.True(Compartments.CanSee(session, Open(creator: intake)));
        Assert.True(Compartments.CanSee(session, Restricted(creator: intake)));
        Assert.True(Compartments.CanSeeContents(session, Open(creator: OtherReviewer)));
        // Assigned to them by someone else, it opens; the cleared see what they file.
        Assert.True(Compartments.CanSeeContents(session, new CaseAccess(false, intake.Id, intake.LedgerName, intake.Id, intake.LedgerName)));
        Assert.True(Compartments.CanSeeContents(Session(Lead, Roles.HumanRightsLead), Restricted(creator: Lead)));
        Assert.False(Compartments.CanSeeContents(Token(LeadByToken, Roles.HumanRightsLead), Open(creator: Lead)));
    }
}
