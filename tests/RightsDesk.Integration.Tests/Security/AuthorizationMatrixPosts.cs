using static RightsDesk.Core.Security.Roles;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// Who may call each POST handler of each Razor Page. <see cref="AuthorizationMatrixTests"/> finds the handlers by
/// reflection over the page models (every <c>OnPost…</c> method), so a page handler without an entry here fails the
/// test; each entry is then posted by every role's signed-in session and anonymously, with a valid antiforgery token.
///
/// HOW TO ADD AN ENTRY for a new handler (the failing test prints the key):
///   1. Key: "POST /page/route?handler=Name" with the page's route as its <c>@page</c> directive has it and the
///      handler's name (OnPostSendBackAsync is "SendBack"); a page's plain OnPost/OnPostAsync is "POST /page/route".
///   2. Value: <see cref="Post.Public"/> for what anyone may post (signing in, registering), or <see cref="Post.For"/>
///      with the roles the handler itself lets through, written out. The page's own gate (its GET entry in
///      <see cref="AuthorizationMatrix.Expected"/>: its roles, and for a page about a case which cases each may reach)
///      applies first: a caller the page turns away is forbidden, a case out of their sight is hidden (404), and only
///      then does the handler's own permission answer.
///   3. If the handler takes an object by id in the form, say which with <c>.Object(ObjectKind.…, "field")</c>, so the
///      test posts a fresh, real one and a 404 can only mean "denied".
/// The form is otherwise empty: what the handler answers to it (a page with the fields' errors, a refusal of the step,
/// a redirect after doing it) all count as "allowed past authorisation"; a 5xx never does.
/// </summary>
public static class AuthorizationMatrixPosts
{
    public static readonly IReadOnlyDictionary<string, Post> Expected = new Dictionary<string, Post>(StringComparer.Ordinal)
    {
        // Account pages: anyone signs in, out, or finishes enrolment (which, without its one-time token, is not found).
        ["POST /account/signin"] = Post.Public,
        ["POST /account/signout"] = Post.Public,
        ["POST /account/enrol"] = Post.Public.Answers(404),

        // The demand page: each step by the permission behind it, on a case the person may read.
        ["POST /desk/demands/{id:guid}?handler=Assess"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=Decide"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=Approve"] = Post.For(Approver, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=SendBack"] = Post.For(Approver, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=Fulfil"] = Post.For(LegalReviewer),
        ["POST /desk/demands/{id:guid}?handler=Answer"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=Verify"] = Post.For(Intake, LegalReviewer),
        ["POST /desk/demands/{id:guid}?handler=Close"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=DraftLetter"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=DraftAcknowledgement"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=EditLetter"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=SendLetter"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=EmailLetter"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/new"] = Post.For(Intake, LegalReviewer),
        // Work on a case: those who assess assign it; anyone who may read it adds an internal note.
        ["POST /desk/demands/{id:guid}?handler=Assign"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}?handler=Note"] = Post.For(Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety),
        // The demand list: readers search by identifier and keep their own saved filters.
        ["POST /desk/demands?handler=Search"] = Post.For(Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety),
        ["POST /desk/demands?handler=Save"] = Post.For(Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety),
        ["POST /desk/demands?handler=Forget"] = Post.For(Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety),
        ["POST /desk/demands/{id:guid}/clarify"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/demands/{id:guid}/release"] = Post.For(LegalReviewer),

        // Officials: those who read demands look; those who verify authorities act.
        ["POST /desk/officials/{userId:guid}?handler=Verify"] = Post.For(Intake, LegalReviewer),
        ["POST /desk/officials/{userId:guid}?handler=Reject"] = Post.For(Intake, LegalReviewer),
        ["POST /desk/officials/{userId:guid}?handler=Suspend"] = Post.For(Intake, LegalReviewer),
        ["POST /desk/officials/{userId:guid}?handler=Flag"] = Post.For(Intake, LegalReviewer),
        ["POST /desk/officials/{userId:guid}?handler=Reset"] = Post.For(Intake, LegalReviewer),

        // The at-risk registry: the human rights lead and incident responders.
        ["POST /desk/at-risk?handler=Add"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/at-risk?handler=Remove"] = Post.For(HumanRightsLead, IncidentResponder).Object(ObjectKind.AtRiskEntry, "id"),
        ["POST /desk/at-risk?handler=Approve"] = Post.For(HumanRightsLead, IncidentResponder).Object(ObjectKind.AtRiskEntry, "id"),
        ["POST /desk/incidents/{id:guid}?handler=Acknowledge"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/incidents/{id:guid}?handler=Assign"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/incidents/{id:guid}?handler=Reply"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/incidents/{id:guid}?handler=Action"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/incidents/{id:guid}?handler=Link"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/incidents/{id:guid}?handler=Resolve"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/partners/applications/{id:guid}?handler=Vet"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/partners/applications/{id:guid}?handler=Approve"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/partners/applications/{id:guid}?handler=Reject"] = Post.For(HumanRightsLead, IncidentResponder),
        ["POST /desk/partners?handler=ProposeRevocation"] = Post.For(HumanRightsLead, IncidentResponder),
        // Confirming names a proposed revocation; with none named there is nothing to confirm (404 for everyone allowed).
        ["POST /desk/partners?handler=ConfirmRevocation"] = Post.For(HumanRightsLead, IncidentResponder).Answers(404),
        ["POST /partner/flag"] = Post.For(Partner),

        // Impact assessments: the human rights lead keeps them.
        ["POST /desk/impact?handler=Create"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}?handler=Risk"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}?handler=Mitigation"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}?handler=Status"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}?handler=Review"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}?handler=SignOff"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}?handler=Benchmark"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}?handler=Reading"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}?handler=Phase"] = Post.For(HumanRightsLead),
        ["POST /desk/pushback?handler=Record"] = Post.For(HumanRightsLead),
        ["POST /desk/pushback/{id:guid}?handler=Status"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}/consultations?handler=Add"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}/recommendations?handler=Add"] = Post.For(HumanRightsLead),
        ["POST /desk/impact/{id:guid}/recommendations?handler=Propose"] = Post.For(HumanRightsLead).Answers(404),

        // Administration: accounts, tokens and policy are the admin's.
        ["POST /desk/admin?handler=Add"] = Post.For(Admin),
        ["POST /desk/admin?handler=Role"] = Post.For(Admin),
        ["POST /desk/admin?handler=Disable"] = Post.For(Admin),
        ["POST /desk/admin?handler=Enable"] = Post.For(Admin),
        ["POST /desk/admin?handler=Reset"] = Post.For(Admin),
        ["POST /desk/admin/tokens?handler=Create"] = Post.For(Admin),
        ["POST /desk/admin/tokens?handler=Revoke"] = Post.For(Admin).Object(ObjectKind.ApiToken, "id"),
        ["POST /desk/admin/policy"] = Post.For(Admin),
        ["POST /desk/admin/policy/proposals"] = Post.For(Admin).Answers(404),

        // Moderation review: trust and safety staff confirm a held measure or lift one.
        ["POST /desk/moderation?handler=Confirm"] = Post.For(TrustAndSafety).Object(ObjectKind.ModerationDecision, "decisionId"),
        ["POST /desk/moderation/accounts"] = Post.For(TrustAndSafety),
        ["POST /desk/moderation?handler=Keep"] = Post.For(TrustAndSafety).Object(ObjectKind.ModerationDecision, "decisionId"),
        ["POST /desk/moderation?handler=Lift"] = Post.For(TrustAndSafety).Object(ObjectKind.ModerationDecision, "decisionId"),
        // Appeals: anyone with a code on the public page (a wrong code is refused); trust and safety staff review.
        ["POST /appeal?handler=Open"] = Post.Public.Answers(400),
        ["POST /appeal?handler=Submit"] = Post.Public.Answers(400),
        ["POST /{lang:publang}/appeal?handler=Open"] = Post.Public.Answers(400),
        ["POST /{lang:publang}/appeal?handler=Submit"] = Post.Public.Answers(400),
        ["POST /desk/appeals/{id:guid}?handler=Take"] = Post.For(TrustAndSafety).Answers(404),
        ["POST /desk/appeals/{id:guid}?handler=Decide"] = Post.For(TrustAndSafety).Answers(404),
        // Out-of-court disputes: trust and safety staff record a referral and the body's outcome.
        ["POST /desk/disputes/refer/{id:guid}"] = Post.For(TrustAndSafety).Answers(404),
        ["POST /desk/disputes/{id:guid}?handler=Outcome"] = Post.For(TrustAndSafety).Answers(404),
        // Art. 23: trust and safety staff check, warn and propose; a second one confirms, declines or lifts.
        ["POST /desk/misuse/new?handler=Check"] = Post.For(TrustAndSafety),
        ["POST /desk/misuse/new?handler=Warn"] = Post.For(TrustAndSafety),
        ["POST /desk/misuse/new?handler=Propose"] = Post.For(TrustAndSafety),
        ["POST /desk/misuse/{id:guid}?handler=Confirm"] = Post.For(TrustAndSafety).Answers(404),
        ["POST /desk/misuse/{id:guid}?handler=Decline"] = Post.For(TrustAndSafety).Answers(404),
        ["POST /desk/misuse/{id:guid}?handler=Lift"] = Post.For(TrustAndSafety).Answers(404),

        // The outbox: those who manage notices retry a dead letter or cancel a message, with a reason.
        ["POST /desk/outbox?handler=Retry"] = Post.For(LegalReviewer, HumanRightsLead),
        ["POST /desk/outbox?handler=Cancel"] = Post.For(LegalReviewer, HumanRightsLead),

        // The error page answers a re-executed failed post; posted to directly it is the 404 it would be for a GET.
        ["POST /error/{code:int}"] = Post.Public.Answers(404),

        // The incident channel: anyone reports, and anyone holding a receipt code reads and writes its thread.
        ["POST /notice"] = Post.Public,
        ["POST /{lang:publang}/notice"] = Post.Public,
        ["POST /desk/moderation/notices/{id:guid}?handler=Decide"] = Post.For(TrustAndSafety),
        ["POST /desk/moderation/notices/{id:guid}?handler=Complaint"] = Post.For(TrustAndSafety),
        // A complaint code nothing issued: refused as a wrong code is (400), for everyone.
        ["POST /notice/complaint?handler=Open"] = Post.Public.Answers(400),
        ["POST /notice/complaint?handler=Submit"] = Post.Public.Answers(400),
        ["POST /{lang:publang}/notice/complaint?handler=Open"] = Post.Public.Answers(400),
        ["POST /{lang:publang}/notice/complaint?handler=Submit"] = Post.Public.Answers(400),
        ["POST /incident"] = Post.Public,
        ["POST /{lang:publang}/incident"] = Post.Public,
        ["POST /partners/apply"] = Post.Public,
        ["POST /{lang:publang}/partners/apply"] = Post.Public,
        ["POST /incident/status"] = Post.Public,
        ["POST /{lang:publang}/incident/status"] = Post.Public,

        // The portal: officials submit, and answer questions on the demands they sent; anyone may register.
        ["POST /portal/register"] = Post.Public,
        ["POST /portal/submit"] = Post.For(Official),
        ["POST /portal/demands/{id:guid}?handler=Answer"] = Post.For(Official),
    };

    /// <summary>The page's own entry (its GET): who the page admits, and what its route parameters are.</summary>
    public static Rule PageOf(string postKey)
    {
        var path = postKey["POST ".Length..].Split('?')[0];
        return AuthorizationMatrix.Expected.TryGetValue("GET " + path, out var page)
            ? page
            : throw new InvalidOperationException($"{postKey} has no GET entry for its page in AuthorizationMatrix.Expected.");
    }
}

/// <summary>One POST handler's entry: the roles its own check lets through, and the object it takes from the form.</summary>
public sealed record Post(bool IsPublic, IReadOnlySet<string> Roles, ObjectKind Kind = ObjectKind.None, string? Field = null, int? AllowedStatus = null)
{
    public static Post Public { get; } = new(true, new HashSet<string>(Core.Security.Roles.All, StringComparer.Ordinal));

    public static Post For(params string[] roles) => new(false, new HashSet<string>(roles, StringComparer.Ordinal));

    public Post Object(ObjectKind kind, string field) => this with { Kind = kind, Field = field };

    /// <summary>For a handler whose normal answer to an empty form is an error status.</summary>
    public Post Answers(int status) => this with { AllowedStatus = status };
}
