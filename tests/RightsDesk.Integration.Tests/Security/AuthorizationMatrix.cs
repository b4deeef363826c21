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
///      "POST /api/v1/demands/{id:guid}/close". A Razor Page is keyed "GET /its/route" (its GET; each of its POST
///      handlers has its own entry in <see cref="AuthorizationMatrixPosts"/>).
///   2. Value: <see cref="Rule.Public"/> for what anyone may call (health, OpenAPI, public pages), or
///      <see cref="Rule.For"/> with the roles that hold the route's permission, written out (not derived from
///      Roles.cs: the point is a second, independent statement of who may do what).
///   3. If the route is about a case ({id} of a demand, and its documents or packages), add
///      <c>.Case(CaseRule.Contents)</c> when only those who may read the case's contents pass,
///      <c>.Case(CaseRule.Status)</c> when a submitter may also follow its own case, or
///      <c>.Case(CaseRule.Requester)</c> when only the official who sent it through the portal passes.
///   4. If the route takes another {id}, say what it is with <c>.Object(ObjectKind.…)</c> — add a kind in
///      <see cref="ObjectKind"/> and how to make a fresh one in AuthorizationMatrixTests.FreshId if it is new — so
///      the test calls it with a real id and a 404 can only mean "denied". Parameters that name no object (a
///      language, a country) get a fixed real value in AuthorizationMatrixTests.Value.
///   5. If the route reads a body, give one that passes validation with <c>.Body(…)</c>: validation may run before
///      the object check, and a 400 would hide a missing 404.
///   6. Anonymous callers get 401 from the API; for pages that redirect to sign-in, use <c>.SignInRedirect()</c>.
/// Who calls: the API is tried with each role's API token (Roles.TokenRoles), pages with each role's signed-in
/// session (Roles.Staff, password and TOTP, and a verified official of the portal, who signs in the same way); a role
/// without the kind of credential an endpoint takes is tried with the one it has, and must then be treated as
/// anonymous (a session cookie opens no API route, a token no page).
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>Those who read cases (DemandRead).</summary>
    public static readonly string[] Readers = [Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety];

    /// <summary>Those cleared for compartmented cases (DemandReadRestricted).</summary>
    public static readonly string[] Cleared = [HumanRightsLead];

    /// <summary>Those who submit cases (DemandCreate), and so may follow their own.</summary>
    public static readonly string[] Submitters = [Intake, LegalReviewer, Platform];

    /// <summary>Staff accounts: the desk's people (not machines, not officials).</summary>
    public static readonly string[] StaffRoles = [Intake, LegalReviewer, Approver, HumanRightsLead, TrustAndSafety, IncidentResponder, Auditor, Admin, Researcher];

    public static readonly IReadOnlyDictionary<string, Rule> Expected = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        // Public by design: liveness for load balancers, the API's own description.
        ["GET /health"] = Rule.Public,
        ["GET /openapi/{documentName}.json"] = Rule.Public,

        // The public pages: anyone, in any language, signed in or not.
        ["GET /"] = Rule.Public,
        ["GET /guidelines"] = Rule.Public,
        ["GET /guidelines/{country}"] = Rule.Public,
        ["GET /your-data"] = Rule.Public,
        ["GET /{lang:publang}"] = Rule.Public,
        ["GET /{lang:publang}/guidelines"] = Rule.Public,
        ["GET /{lang:publang}/guidelines/{country}"] = Rule.Public,
        ["GET /{lang:publang}/your-data"] = Rule.Public,
        ["GET /appeal"] = Rule.Public,
        ["GET /{lang:publang}/appeal"] = Rule.Public,
        ["GET /transparency"] = Rule.Public,
        ["GET /{lang:publang}/transparency"] = Rule.Public,
        ["GET /transparency/pushback"] = Rule.Public,
        ["GET /{lang:publang}/transparency/pushback"] = Rule.Public,
        ["GET /transparency/impact"] = Rule.Public,
        ["GET /{lang:publang}/transparency/impact"] = Rule.Public,
        ["GET /transparency/rdr"] = Rule.Public,
        ["GET /{lang:publang}/transparency/rdr"] = Rule.Public,
        // The published takedown originals, public tier: anyone; a place naming no published original is 404 for all.
        ["GET /transparency/takedowns"] = Rule.Public,
        ["GET /{lang:publang}/transparency/takedowns"] = Rule.Public,
        ["GET /transparency/takedowns/{country}/{year}/{file}"] = Rule.Public.Answers(404),
        ["GET /{lang:publang}/transparency/takedowns/{country}/{year}/{file}"] = Rule.Public.Answers(404),
        // The researcher tier: researchers only, signed in (the matrix's store publishes no takedown, so a file is 404).
        ["GET /research/takedowns"] = Rule.For(Researcher).SignInRedirect(),
        ["GET /research/takedowns/{country}/{year}/{file}"] = Rule.For(Researcher).Answers(404).SignInRedirect(),
        // Notices of illegal content (DSA Art. 16): anyone notifies on the public form.
        ["GET /notice"] = Rule.Public,
        ["GET /{lang:publang}/notice"] = Rule.Public,
        ["GET /notice/complaint"] = Rule.Public,
        ["GET /{lang:publang}/notice/complaint"] = Rule.Public,
        ["GET /incident"] = Rule.Public,
        ["GET /{lang:publang}/incident"] = Rule.Public,
        ["GET /incident/status"] = Rule.Public,
        ["GET /{lang:publang}/incident/status"] = Rule.Public,
        ["GET /partners/apply"] = Rule.Public,
        ["GET /{lang:publang}/partners/apply"] = Rule.Public,
        ["GET /defenders"] = Rule.Public,
        ["GET /{lang:publang}/defenders"] = Rule.Public,
        ["GET /defenders/{country}"] = Rule.Public,
        ["GET /{lang:publang}/defenders/{country}"] = Rule.Public,
        ["GET /transparency/files/{period}/{version:int}/{file}"] = Rule.Public.Answers(404),
        // Errors and what nothing serves are public: a browser's error page in words, and 404 for any unknown path
        // (never a redirect to the staff sign-in); robots.txt for search engines.
        ["GET /error/{code:int}"] = Rule.Public.Answers(404),
        ["GET /robots.txt"] = Rule.Public,
        ["GET /{*path}"] = Rule.Public.Answers(404),

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
        ["POST /api/v1/demands/{id:guid}/verification"] = Rule.For(Intake, LegalReviewer).Case(CaseRule.Contents).Body(Bodies.Json("{\"calledNumber\":\"+1 202 555 0100\",\"numberSource\":\"the published switchboard\",\"spokeWith\":\"the duty officer\"}")),
        ["POST /api/v1/demands/{id:guid}/send-back"] = Rule.For(Approver, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{\"reason\":\"Check the date range again.\"}")),
        ["POST /api/v1/demands/{id:guid}/fulfil"] = Rule.For(LegalReviewer).Case(CaseRule.Contents),
        ["GET /api/v1/demands/{id:guid}/packages/{packageId:guid}"] = Rule.For(LegalReviewer).Case(CaseRule.Contents),
        ["POST /api/v1/demands/{id:guid}/answer"] = Rule.For(LegalReviewer, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{}")),
        ["POST /api/v1/demands/{id:guid}/close"] = Rule.For(LegalReviewer, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{}")),
        ["POST /api/v1/demands/{id:guid}/letters"] = Rule.For(LegalReviewer, HumanRightsLead).Case(CaseRule.Contents).Body(Bodies.Json("{\"language\":\"en\"}")),

        // Moderation decisions: the platform's systems and trust and safety staff report them.
        ["POST /api/v1/moderation/decisions"] = Rule.For(TrustAndSafety, Platform).Body(Bodies.Json("{\"decisionVisibility\":[\"DECISION_VISIBILITY_CONTENT_LABELLED\"],\"decisionGround\":\"DECISION_GROUND_INCOMPATIBLE_CONTENT\",\"incompatibleContentGround\":\"Guideline 1\",\"contentType\":[\"CONTENT_TYPE_TEXT\"],\"category\":\"STATEMENT_CATEGORY_SCAMS_AND_FRAUD\",\"territorialScope\":[\"GLOBAL\"],\"contentDate\":\"2026-03-01\",\"applicationDate\":\"2026-03-02\",\"decisionFacts\":\"Matrix.\",\"sourceType\":\"SOURCE_VOLUNTARY\",\"automatedDetection\":\"No\",\"automatedDecision\":\"AUTOMATED_DECISION_NOT_AUTOMATED\",\"puid\":\"matrix-1\"}")),

        // The at-risk registry: the human rights lead and incident responders only.
        // No token reads the registry, whatever its role: it is read on the desk.
        ["GET /api/v1/at-risk/"] = Rule.For(),
        ["POST /api/v1/at-risk/"] = Rule.For(HumanRightsLead, IncidentResponder).Body(Bodies.Json("{\"id\":\"@matrix-person\",\"category\":\"journalist\"}")),
        ["DELETE /api/v1/at-risk/{id:guid}"] = Rule.For(HumanRightsLead, IncidentResponder).Object(ObjectKind.AtRiskEntry),
        // A trusted partner's person flags with a token; no staff token can.
        ["POST /api/v1/partners/flags"] = Rule.For(Partner).Body(Bodies.Json("{\"types\":[\"harassment\"],\"description\":\"Matrix flag.\",\"urgency\":\"today\"}")),

        // Impact assessments (hria): reviewers and approvers read them, the human rights lead keeps them.
        ["GET /api/v1/impact-assessments/"] = Rule.For(LegalReviewer, Approver, HumanRightsLead),
        ["POST /api/v1/impact-assessments/"] = Rule.For(HumanRightsLead).Body(Bodies.Json("{\"title\":\"Matrix\",\"trigger\":\"marketEntry\",\"scope\":{\"countries\":[\"KE\"]},\"assessors\":[{\"name\":\"A\",\"independent\":true}],\"nextReviewDue\":\"2027-01-01\"}")),
        ["GET /api/v1/impact-assessments/{id:guid}"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).Object(ObjectKind.ImpactAssessment),
        ["POST /api/v1/impact-assessments/{id:guid}/phase"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Body(Bodies.Json("{\"phase\":\"dataCollectionAndBaseline\"}")),
        ["POST /api/v1/impact-assessments/{id:guid}/risks"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Body(Bodies.Json("{\"title\":\"t\",\"rights\":[\"iccpr-19\"],\"groups\":[{\"group\":\"women\",\"country\":\"KE\"}],\"nature\":\"actual\",\"involvement\":\"cause\",\"inherent\":{\"scale\":{\"value\":1,\"rationale\":\"a\"},\"scope\":{\"value\":1,\"rationale\":\"b\"},\"irremediability\":{\"value\":1,\"rationale\":\"c\"}}}")),
        ["GET /api/v1/impact-assessments/{id:guid}/recommendations"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).Object(ObjectKind.ImpactAssessment),
        ["POST /api/v1/impact-assessments/{id:guid}/recommendations"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Body(Bodies.Json("{\"kind\":\"leaveMarket\",\"country\":\"KE\",\"reasons\":\"r\",\"risks\":[\"" + Guid.Empty + "\"]}")),
        ["POST /api/v1/impact-assessments/{id:guid}/recommendations/{recommendation:guid}/propose"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Answers(404),
        ["POST /api/v1/impact-assessments/{id:guid}/mitigations"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Body(Bodies.Json("{\"title\":\"t\",\"risks\":[\"" + Guid.Empty + "\"],\"owner\":\"x@example.org\",\"due\":\"2027-01-01\"}")),
        ["POST /api/v1/impact-assessments/{id:guid}/mitigation-status"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Body(Bodies.Json("{\"mitigation\":\"" + Guid.Empty + "\",\"status\":\"proposed\"}")),
        ["POST /api/v1/impact-assessments/{id:guid}/consultations"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Body(Bodies.Json("{\"group\":\"women\",\"country\":\"KE\",\"method\":\"interview\",\"heldOn\":\"2026-01-01\",\"participants\":2,\"consented\":false,\"precautions\":\"p\",\"issuesRaised\":[\"i\"]}")),
        ["GET /api/v1/impact-assessments/{id:guid}/consultations"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment),
        ["POST /api/v1/impact-assessments/{id:guid}/reviews"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Body(Bodies.Json("{\"kind\":\"scheduled\",\"summary\":\"s\",\"nextReviewDue\":\"2027-01-01\"}")),
        ["POST /api/v1/impact-assessments/{id:guid}/sign-off"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Body(Bodies.Json("{\"review\":\"" + Guid.Empty + "\"}")),
        ["POST /api/v1/impact-assessments/{id:guid}/benchmarks"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).Body(Bodies.Json("{\"title\":\"t\",\"metric\":\"notices.deadLetters\",\"commitment\":\"c\",\"baseline\":3,\"target\":0,\"direction\":\"atMost\"}")),
        ["POST /api/v1/benchmarks/{id:guid}/readings"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactBenchmark),
        ["GET /api/v1/benchmarks/{id:guid}/recompute"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).Object(ObjectKind.ImpactBenchmark),
        ["GET /api/v1/metrics"] = Rule.For(LegalReviewer, Approver, HumanRightsLead),
        ["GET /api/v1/impact-gate"] = Rule.For(LegalReviewer, Approver, HumanRightsLead),
        // Push-back beyond the case: kept by the people who keep impact assessments; the public summary is public.
        ["GET /api/v1/pushback/"] = Rule.For(LegalReviewer, Approver, HumanRightsLead),
        ["POST /api/v1/pushback/"] = Rule.For(HumanRightsLead).Body(Bodies.Json("{\"kind\":\"refusal\",\"subject\":\"Matrix\",\"country\":\"HK\",\"status\":\"active\",\"started\":\"2026-01-01\"}")),
        ["GET /api/v1/pushback/{id:guid}"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).Object(ObjectKind.Pushback),
        ["POST /api/v1/pushback/{id:guid}/status"] = Rule.For(HumanRightsLead).Object(ObjectKind.Pushback).Body(Bodies.Json("{\"status\":\"withdrawn\"}")),
        ["GET /transparency/pushback.json"] = Rule.Public,
        ["GET /transparency/impact.json"] = Rule.Public,
        ["GET /transparency/rdr.json"] = Rule.Public,

        // Notices and the outbox.
        ["GET /api/v1/notices/"] = Rule.For(LegalReviewer, Approver, HumanRightsLead),
        ["GET /api/v1/outbox/"] = Rule.For(LegalReviewer, HumanRightsLead),
        ["POST /api/v1/outbox/{id:guid}/retry"] = Rule.For(LegalReviewer, HumanRightsLead).Object(ObjectKind.DeadLetter),

        // API tokens: the admin only.

        // The ledger: signed tree heads, the latest as a checkpoint, inclusion and consistency proofs and the key that
        // signs them carry only hashes and are published for anyone to check; the events and issuing a head now
        // need LedgerRead (the auditor and the admin).
        ["GET /api/v1/ledger/public-key"] = Rule.Public,
        ["GET /api/v1/ledger/checkpoint"] = Rule.Public,
        ["GET /api/v1/ledger/tree-heads"] = Rule.Public,
        ["GET /api/v1/ledger/tree-heads/latest"] = Rule.Public,
        ["GET /api/v1/ledger/tree-heads/{id:long}"] = Rule.Public.Object(ObjectKind.TreeHead),
        ["POST /api/v1/ledger/tree-heads"] = Rule.For(Auditor, Admin),
        ["GET /api/v1/ledger/events"] = Rule.For(Auditor, Admin),
        ["GET /api/v1/ledger/proofs/inclusion"] = Rule.Public,
        ["GET /api/v1/ledger/proofs/consistency"] = Rule.Public,

        // Account pages: signing in (and out) is open to anyone, an enrolment link opens with its own secret. The
        // "denied" page is where a signed-in person is sent (an official straying into the desk, staff into the
        // portal), and answers 403 by design.
        ["GET /account/signin"] = Rule.Public,
        ["GET /account/signout"] = Rule.Public,
        ["GET /account/denied"] = Rule.For([.. StaffRoles, Official, Partner]).Answers(403).SignInRedirect(),
        // Without its one-time token the page says the link is not valid (404); the token is never part of the path.
        ["GET /account/enrol"] = Rule.Public.Answers(404),
        ["GET /account/recovered"] = Rule.For([.. StaffRoles, Official, Partner]).SignInRedirect(),

        // The staff desk: staff only, each page by the permission behind it; a signed-out visitor is sent to sign in.
        // Officials are not staff: every desk page turns them away.
        ["GET /desk"] = Rule.For(StaffRoles).SignInRedirect(),
        ["GET /desk/demands"] = Rule.For(Readers).SignInRedirect(),
        ["GET /desk/demands/new"] = Rule.For(Intake, LegalReviewer).SignInRedirect(),
        // A filer who may not open a case they filed is sent to its status page (a redirect, the same for every case they file).
        ["GET /desk/demands/{id:guid}"] = Rule.For(Readers).Case(CaseRule.Status).SignInRedirect(),
        ["GET /desk/demands/{id:guid}/filed"] = Rule.For(Intake, LegalReviewer).Case(CaseRule.Status).SignInRedirect(),
        ["GET /desk/demands/{id:guid}/clarify"] = Rule.For(Readers).Case(CaseRule.Contents).SignInRedirect(),
        ["GET /desk/demands/{id:guid}/release"] = Rule.For(LegalReviewer).Case(CaseRule.Contents).SignInRedirect(),
        ["GET /desk/demands/{id:guid}/notices"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).Case(CaseRule.Contents).SignInRedirect(),
        ["GET /desk/notices"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).SignInRedirect(),
        ["GET /desk/moderation"] = Rule.For(TrustAndSafety).SignInRedirect(),
        ["GET /desk/appeals"] = Rule.For(TrustAndSafety).SignInRedirect(),
        ["GET /desk/appeals/{id:guid}"] = Rule.For(TrustAndSafety).SignInRedirect().Answers(404),
        ["POST /api/v1/moderation/appeals"] = Rule.For(TrustAndSafety, Platform).Body(Bodies.Json("{\"puid\":\"matrix-no-such-decision\",\"statement\":\"The matrix appeals a decision it never made.\"}")).Answers(404),
        ["GET /desk/disputes/{id:guid}"] = Rule.For(TrustAndSafety).SignInRedirect().Answers(404),
        ["GET /desk/disputes/refer/{id:guid}"] = Rule.For(TrustAndSafety).SignInRedirect().Answers(404),
        ["POST /api/v1/moderation/disputes"] = Rule.For(TrustAndSafety, Platform).Body(Bodies.Json("{\"puid\":\"matrix-no-such-decision\",\"side\":\"user\",\"bodyName\":\"Matrix Disputes Body\",\"bodyMemberState\":\"IE\",\"referredOn\":\"2026-01-05\"}")).Answers(404),
        // Art. 23: trust and safety staff and the platform warn, propose suspensions and look a party up (in a body, never in a URL).
        ["GET /desk/misuse"] = Rule.For(TrustAndSafety).SignInRedirect(),
        ["GET /desk/misuse/new"] = Rule.For(TrustAndSafety).SignInRedirect(),
        ["GET /desk/misuse/{id:guid}"] = Rule.For(TrustAndSafety).SignInRedirect().Answers(404),
        ["POST /api/v1/moderation/misuse/warnings"] = Rule.For(TrustAndSafety, Platform).Body(Bodies.Json("{\"kind\":\"unfoundedNotices\",\"party\":\"notifier\",\"partyId\":\"matrix-warned@example.org\",\"reasons\":\"Matrix: notices that were manifestly unfounded.\"}")),
        ["POST /api/v1/moderation/misuse/suspensions"] = Rule.For(TrustAndSafety, Platform).Body(Bodies.Json("{\"kind\":\"unfoundedNotices\",\"party\":\"notifier\",\"partyId\":\"matrix-never-warned@example.org\",\"reasons\":\"Matrix: notices that were manifestly unfounded.\",\"until\":\"2026-03-20\"}")),
        ["POST /api/v1/moderation/misuse/status"] = Rule.For(TrustAndSafety, Platform).Body(Bodies.Json("{\"kind\":\"illegalContent\",\"party\":\"account\",\"partyId\":\"@matrix@example.social\"}")),
        ["GET /api/v1/moderation/misuse/{id:guid}"] = Rule.For(TrustAndSafety, Platform).Answers(404),
        ["POST /api/v1/moderation/disputes/{id:guid}/outcome"] = Rule.For(TrustAndSafety, Platform).Body(Bodies.Json("{\"outcome\":\"upheld\",\"decidedOn\":\"2026-01-05\",\"reasons\":\"The matrix records an outcome on no referral.\"}")).Answers(404),
        ["GET /desk/moderation/accounts"] = Rule.For(TrustAndSafety).SignInRedirect(),
        ["GET /desk/moderation/accounts/{index}"] = Rule.For(TrustAndSafety).SignInRedirect(),
        ["POST /api/v1/moderation/decisions/{puid}/applied"] = Rule.For(TrustAndSafety, Platform).Body(Bodies.Json("{\"result\":\"applied\"}")).Answers(404),
        ["GET /desk/moderation/{id:guid}"] = Rule.For(TrustAndSafety).Object(ObjectKind.ModerationDecision).SignInRedirect(),
        ["GET /desk/outbox"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).SignInRedirect(),
        ["GET /desk/officials"] = Rule.For(Readers).SignInRedirect(),
        ["GET /desk/officials/{userId:guid}"] = Rule.For(Readers).Object(ObjectKind.Official).SignInRedirect(),
        ["GET /desk/at-risk"] = Rule.For(HumanRightsLead, IncidentResponder).SignInRedirect(),
        // Incidents: responders and the human rights lead; any incident (they are not compartmented further).
        ["GET /desk/incidents"] = Rule.For(HumanRightsLead, IncidentResponder).SignInRedirect(),
        // Notices of illegal content: trust and safety staff; the platform's flow (and trusted flaggers' own tokens) send them.
        ["POST /api/v1/moderation/notices"] = Rule.For(Platform).Body(Bodies.Json("{\"content\":[\"https://matrix.example/@m/1\"],\"explanation\":\"The matrix notifies content.\",\"goodFaith\":true}")),
        ["GET /desk/moderation/notices"] = Rule.For(TrustAndSafety).SignInRedirect(),
        ["GET /desk/moderation/notices/{id:guid}"] = Rule.For(TrustAndSafety).Object(ObjectKind.IllegalContentNotice).SignInRedirect(),
        ["GET /desk/incidents/{id:guid}"] = Rule.For(HumanRightsLead, IncidentResponder).Object(ObjectKind.Incident).SignInRedirect(),
        // Trusted partners: the lead and incident responders vet applications; a partner's own pages are its alone.
        ["GET /desk/partners"] = Rule.For(HumanRightsLead, IncidentResponder).SignInRedirect(),
        ["GET /desk/partners/applications/{id:guid}"] = Rule.For(HumanRightsLead, IncidentResponder).Object(ObjectKind.PartnerApplication).SignInRedirect(),
        ["GET /partner"] = Rule.For(Partner).SignInRedirect(),
        ["GET /partner/flag"] = Rule.For(Partner).SignInRedirect(),
        ["GET /desk/impact"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).SignInRedirect(),
        ["GET /desk/impact/{id:guid}"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).Object(ObjectKind.ImpactAssessment).SignInRedirect(),
        ["GET /desk/impact/{id:guid}/consultations"] = Rule.For(HumanRightsLead).Object(ObjectKind.ImpactAssessment).SignInRedirect(),
        ["GET /desk/impact/{id:guid}/recommendations"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).Object(ObjectKind.ImpactAssessment).SignInRedirect(),
        ["GET /desk/pushback"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).SignInRedirect(),
        ["GET /desk/pushback/{id:guid}"] = Rule.For(LegalReviewer, Approver, HumanRightsLead).Object(ObjectKind.Pushback).SignInRedirect(),
        ["GET /desk/admin"] = Rule.For(Admin).SignInRedirect(),
        ["GET /desk/admin/policy"] = Rule.For(Admin).SignInRedirect(),
        ["GET /desk/admin/policy/proposals"] = Rule.For(Admin).SignInRedirect(),
        ["GET /desk/admin/tokens"] = Rule.For(Admin).SignInRedirect(),
        ["GET /desk/ledger"] = Rule.For(Auditor, Admin).SignInRedirect(),
        ["GET /desk/glossary"] = Rule.For(StaffRoles).SignInRedirect(),

        // The authority portal: officials only (staff sessions are turned away), each seeing only their own demands
        // and downloads. Registering is open to anyone.
        ["GET /portal/register"] = Rule.Public,
        ["GET /portal"] = Rule.For(Official).SignInRedirect(),
        ["GET /portal/submit"] = Rule.For(Official).SignInRedirect(),
        ["GET /portal/demands/{id:guid}"] = Rule.For(Official).Case(CaseRule.Requester).SignInRedirect(),
        ["GET /portal/downloads/{secret}"] = Rule.For(Official).Object(ObjectKind.PackageRelease).SignInRedirect(),
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

    /// <summary>
    /// Requester: only the official who sent the case through the portal reaches it, compartmented or not (the portal
    /// shows where it stands, the questions put to them and what was released to them). Anyone else: 404.
    /// </summary>
    Requester,
}

/// <summary>Objects other than cases that routes take by id; the test makes a fresh one for every call.</summary>
public enum ObjectKind
{
    None, AtRiskEntry, ApiToken, DeadLetter,

    /// <summary>An official's portal account ({userId}), registered afresh.</summary>
    Official,

    /// <summary>A download link ({secret}) for a package released to the official who calls (the test's one official).</summary>
    PackageRelease,

    /// <summary>A signed tree head of the ledger ({id}).</summary>
    TreeHead,

    /// <summary>A moderation decision ({id}), a fully automated suspension held for a person, reported by a machine.</summary>
    ModerationDecision,
    /// <summary>An impact assessment ({id}), and a benchmark of one.</summary>
    ImpactAssessment, ImpactBenchmark,

    /// <summary>A push-back record ({id}).</summary>
    Pushback,
    /// <summary>An incident ({id}) reported through the public channel.</summary>
    Incident,

    /// <summary>A trusted partner's application ({id}).</summary>
    PartnerApplication,
    /// <summary>A notice of illegal content ({id}) from the public form.</summary>
    IllegalContentNotice,
}

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
    /// <param name="viaToken">The API's callers come with tokens, and no token reads a compartmented case (not even
    /// one assigned to its person): those are read on the desk, signed in.</param>
    public bool Reaches(string role, CaseVariant variant, bool viaToken)
    {
        var reader = AuthorizationMatrix.Readers.Contains(role);
        var cleared = AuthorizationMatrix.Cleared.Contains(role);
        var submitter = AuthorizationMatrix.Submitters.Contains(role);
        var contents = variant switch
        {
            // A filer not cleared for restricted cases follows every case they file by its status (Compartments.FiledOutOfSight).
            CaseVariant.Own => reader && cleared && !viaToken,
            CaseVariant.Other => reader,
            CaseVariant.Assigned => reader && !viaToken,
            _ => reader && cleared && !viaToken,
        };
        return CaseRule switch
        {
            CaseRule.Contents => contents,
            CaseRule.Status => contents || (submitter && variant is CaseVariant.Own or CaseVariant.RestrictedOwn),
            CaseRule.Requester => role == Official && variant is CaseVariant.Own or CaseVariant.RestrictedOwn,
            _ => true,
        };
    }
}

/// <summary>The cases each role is tried against.</summary>
public enum CaseVariant
{
    /// <summary>Submitted by the caller, open (for an official: sent through the portal, so they are its requester).</summary>
    Own,

    /// <summary>Submitted by someone else, open.</summary>
    Other,

    /// <summary>Compartmented, submitted by someone else, assigned to someone else.</summary>
    Restricted,

    /// <summary>Compartmented, assigned to the caller.</summary>
    Assigned,

    /// <summary>Compartmented, submitted by the caller (an official: as its requester), assigned to someone else.</summary>
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
