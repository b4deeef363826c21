using static RightsDesk.Core.Security.Roles;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// The expected answer of every endpoint to every caller: who may pass the route's authorisation, and, for routes
/// about a case, which cases each of them may reach. <see cref="AuthorizationMatrixTests"/> compares this table with
/// the answers of the running app for every endpoint it maps (API and Razor Pages) × every role and anonymous × every
/// kind of case. A mapped endpoint without an entry fails the test.
///
/// HOW TO ADD AN ENTRY for a new endpoint (the failing test prints the key and a line to start from):
///   1. Key: "METHOD /route/pattern" exactly as routing has it, constraints included, e.g.
///      "POST /api/v1/demands/{id:guid}/close". A Razor Page is keyed "GET /its/route" (its GET; posts follow the
///      same rule and are checked by the page's own tests).
///   2. Value: <see cref="Rule.Public"/> for what anyone may call (health, OpenAPI, public pages), or
///      <see cref="Rule.For"/> with the roles that hold the route's permission, written out (not derived from
///      Roles.cs: the point is a second, independent statement of who may do what).
///   3. If the route is about a case ({id} of a demand, and its documents or packages), add
///      <c>.Case(CaseRule.Contents)</c> when only those who may read the case's contents pass, or
///      <c>.Case(CaseRule.Status)</c> when a submitter may also follow its own case.
///   4. If the route takes another {id}, say what it is with <c>.Object(ObjectKind.…)</c> — add a kind in
///      <see cref="ObjectKind"/> and how to make a fresh one in AuthorizationMatrixTests.FreshId if it is new — so
///      the test calls it with a real id and a 404 can only mean "denied".
///   5. If the route reads a body, give one that passes validation with <c>.Body(…)</c>: validation may run before
///      the object check, and a 400 would hide a missing 404.
///   6. Anonymous callers get 401 from the API; for pages that redirect to sign-in, use <c>.SignInRedirect()</c>.
/// Who calls: the API is tried with each role's API token (Roles.TokenRoles), pages with each role's signed-in
/// session (Roles.Staff, password and TOTP); a role without the kind of credential an endpoint takes is tried with
/// the one it has, and must then be treated as anonymous (a session cookie opens no API route, a token no page).
/// A role with no credential at all (officials, until the portal's sign-in is wired into the test) is anonymous.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>Those who read cases (DemandRead).</summary>
    public static readonly string[] Readers = [Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety];

    /// <summary>Those cleared for compartmented cases (DemandReadRestricted).</summary>
    public static readonly string[] Cleared = [HumanRightsLead];

    /// <summary>Those who submit cases (DemandCreate), and so may follow their own.</summary>
    public static readonly string[] Submitters = [Intake, LegalReviewer, Platform];

    public static readonly IReadOnlyDictionary<string, Rule> Expected = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        // Public by design: liveness for load balancers, the API's own description.
        ["GET /health"] = Rule.Public,
        ["GET /openapi/{documentName}.json"] = Rule.Public,

        // Demands.
        ["POST /api/v1/demands/"] = Rule.For(Intake, LegalReviewer, Platform).Body(Bodies.Demand),
        ["GET /api/v1/demands/"] = Rule.For(Readers),
        ["GET /api/v1/deadlines"] = Rule.For(Readers),
        ["GET /api/v1/demands/{id:guid}"] = Rule.For([.. Readers, Platform]).Case(CaseRule.Status),
        ["POST /api/v1/demands/{id:guid}/documents"] = Rule.For(Intake, LegalReviewer, Platform).Case(CaseRule.Status).Body(Bodies.Document),
        ["GET /api/v1/demands/{id:guid}/documents/{documentId:guid}"] = Rule.For(Intake, LegalReviewer, Approver, HumanRightsLead).Case(CaseRule.Contents),
        ["POST /api/v1/demands/{id:guid}/assess"] = Rule.For(LegalReviewer, HumanRightsLead).Case(CaseRule.Contents),
        ["POST /api/v1/demands/{id:guid}/decision"] = Rule.For(LegalReviewer, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{\"outcome\":\"preserve\"}")),
        ["POST /api/v1/demands/{id:guid}/approvals"] = Rule.For(Approver, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{}")),
        ["POST /api/v1/demands/{id:guid}/send-back"] = Rule.For(Approver, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{\"reason\":\"Check the date range again.\"}")),
        ["POST /api/v1/demands/{id:guid}/fulfil"] = Rule.For(LegalReviewer).Case(CaseRule.Contents),
        ["GET /api/v1/demands/{id:guid}/packages/{packageId:guid}"] = Rule.For(LegalReviewer).Case(CaseRule.Contents),
        ["POST /api/v1/demands/{id:guid}/answer"] = Rule.For(LegalReviewer, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{}")),
        ["POST /api/v1/demands/{id:guid}/close"] = Rule.For(LegalReviewer, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{}")),
        ["POST /api/v1/demands/{id:guid}/letters"] = Rule.For(LegalReviewer, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{\"language\":\"en\"}")),

        // The at-risk registry: the human rights lead and incident responders only.
        ["GET /api/v1/at-risk/"] = Rule.For(HumanRightsLead, IncidentResponder),
        ["POST /api/v1/at-risk/"] = Rule.For(HumanRightsLead, IncidentResponder).Body(Bodies.Json("{\"id\":\"@matrix-person\",\"category\":\"journalist\"}")),
        ["DELETE /api/v1/at-risk/{id:guid}"] = Rule.For(HumanRightsLead, IncidentResponder).Object(ObjectKind.AtRiskEntry),

        // Notices and the outbox.
        ["GET /api/v1/notices/"] = Rule.For(LegalReviewer, Approver, HumanRightsLead),
        ["GET /api/v1/outbox/"] = Rule.For(LegalReviewer, HumanRightsLead),
        ["POST /api/v1/outbox/{id:guid}/retry"] = Rule.For(LegalReviewer, HumanRightsLead).Object(ObjectKind.DeadLetter),

        // API tokens: the admin only.
        ["GET /api/v1/tokens/"] = Rule.For(Admin),
        ["POST /api/v1/tokens/"] = Rule.For(Admin).Body(Bodies.Json("{\"name\":\"matrix\",\"role\":\"platform\",\"days\":1}")),
        ["DELETE /api/v1/tokens/{id:guid}"] = Rule.For(Admin).Object(ObjectKind.ApiToken),

        // Account pages: signing in (and out) is open to anyone, an enrolment link opens with its own secret. The
        // "denied" page is where a signed-in person is sent, and answers 403 by design.
        ["GET /account/signin"] = Rule.Public,
        ["GET /account/signout"] = Rule.Public,
        ["GET /account/denied"] = Rule.For(Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety, IncidentResponder, Auditor, Admin).Answers(403).SignInRedirect(),
        // Without its one-time code the page says the link is not valid (404); the code is never part of the path.
        ["GET /account/enrol"] = Rule.Public.Answers(404),

        // The staff desk: staff only, each page by the permission behind it; a signed-out visitor is sent to sign in.
        ["GET /desk"] = Rule.For(Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety, IncidentResponder, Auditor, Admin).SignInRedirect(),
        ["GET /desk/demands"] = Rule.For(Readers).SignInRedirect(),
        ["GET /desk/demands/new"] = Rule.For(Intake, LegalReviewer).SignInRedirect(),
        ["GET /desk/demands/{id:guid}"] = Rule.For(Readers).Case(CaseRule.Contents).SignInRedirect(),
        ["GET /desk/at-risk"] = Rule.For(HumanRightsLead, IncidentResponder).SignInRedirect(),
        ["GET /desk/admin"] = Rule.For(Admin).SignInRedirect(),
        ["GET /desk/admin/policy"] = Rule.For(Admin).SignInRedirect(),
        ["GET /desk/admin/tokens"] = Rule.For(Admin).SignInRedirect(),
    };
}

/// <summary>How a route treats the case it is about, beyond the route's own permission.</summary>
public enum CaseRule
{
    /// <summary>Not about a case.</summary>
    None,

    /// <summary>
    /// Contents: everyone the route admits reaches open cases and compartmented cases assigned to them; other
    /// compartmented cases only those cleared (<see cref="AuthorizationMatrix.Cleared"/>). Anyone else: 404.
    /// </summary>
    Contents,

    /// <summary>
    /// Status: as <see cref="Contents"/> for those who read cases, and a submitter reaches its own cases, compartmented
    /// ones included (it learns where they stand, not what they hold). Anyone else: 404.
    /// </summary>
    Status,
}

/// <summary>Objects other than cases that routes take by id; the test makes a fresh one for every call.</summary>
public enum ObjectKind { None, AtRiskEntry, ApiToken, DeadLetter, EnrolmentLink }

/// <summary>What anonymous callers get when a route is not public.</summary>
public enum AnonymousDenial { Unauthorized, SignInRedirect }

/// <summary>One entry of the table.</summary>
public sealed record Rule(bool IsPublic, IReadOnlySet<string> Roles, CaseRule CaseRule = CaseRule.None, ObjectKind Kind = ObjectKind.None,
    Func<HttpContent>? BodyFactory = null, AnonymousDenial Anonymous = AnonymousDenial.Unauthorized, int? AllowedStatus = null)
{
    public static Rule Public { get; } = new(true, new HashSet<string>(Core.Security.Roles.All, StringComparer.Ordinal));

    public static Rule For(params string[] roles) => new(false, new HashSet<string>(roles, StringComparer.Ordinal));

    public Rule Case(CaseRule rule) => this with { CaseRule = rule };

    public Rule Object(ObjectKind kind) => this with { Kind = kind };

    public Rule Body(Func<HttpContent> body) => this with { BodyFactory = body };

    public Rule SignInRedirect() => this with { Anonymous = AnonymousDenial.SignInRedirect };

    /// <summary>For a page whose normal answer is an error status (the "access denied" page answers 403).</summary>
    public Rule Answers(int status) => this with { AllowedStatus = status };

    /// <summary>Whether a role passes for a case of the given kind (the route's roles already passed).</summary>
    public bool Reaches(string role, CaseVariant variant)
    {
        var reader = AuthorizationMatrix.Readers.Contains(role);
        var cleared = AuthorizationMatrix.Cleared.Contains(role);
        var submitter = AuthorizationMatrix.Submitters.Contains(role);
        var contents = variant switch
        {
            CaseVariant.Own or CaseVariant.Other or CaseVariant.Assigned => reader,
            _ => reader && cleared,
        };
        return CaseRule switch
        {
            CaseRule.Contents => contents,
            CaseRule.Status => contents || (submitter && variant is CaseVariant.Own or CaseVariant.RestrictedOwn),
            _ => true,
        };
    }
}

/// <summary>The cases each role is tried against.</summary>
public enum CaseVariant
{
    /// <summary>Submitted by the caller, open.</summary>
    Own,

    /// <summary>Submitted by someone else, open.</summary>
    Other,

    /// <summary>Compartmented, submitted by someone else, assigned to someone else.</summary>
    Restricted,

    /// <summary>Compartmented, assigned to the caller.</summary>
    Assigned,

    /// <summary>Compartmented, submitted by the caller, assigned to someone else.</summary>
    RestrictedOwn,
}

/// <summary>Request bodies that pass validation, so that what answers is authorisation.</summary>
public static class Bodies
{
    public static Func<HttpContent> Json(string json) => () => new StringContent(json, System.Text.Encoding.UTF8, "application/json");

    public static HttpContent Demand() => new StringContent(Support.TestRepo.Example("12-us-preservation-request"), System.Text.Encoding.UTF8, "application/json");

    public static HttpContent Document()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("matrix document"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, "document", "matrix.txt");
        return form;
    }
}
