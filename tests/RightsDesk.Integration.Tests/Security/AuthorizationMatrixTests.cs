using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Common;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Notices;
using RightsDesk.Data.Outbox;
using RightsDesk.Integration.Tests.Portal;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Application.Defenders;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Ledger;
using RightsDesk.Web.Portal;
using RightsDesk.Web.Security;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// Every endpoint the app maps × every role and anonymous × every kind of case, against the table in
/// <see cref="AuthorizationMatrix"/>. Calls use real ids (a case of the given kind, its real document and package,
/// a fresh at-risk entry, token, dead letter, enrolment link, official, download link or tree head), so a 404 can only
/// be a denial. An answer counts as "allowed past authorisation" unless it is 401, 403, 404 or a redirect to sign-in
/// (or to "access denied"): a 400, 409 or 422 means the request reached the handler's own rules.
/// Runs on SQLite only, on purpose: it makes about a thousand calls after signing in every staff role and a verified
/// official and building some fifty cases, which is most of a minute on a loaded two-core machine, and nothing in it depends on the engine —
/// the decisions are C# over three columns (creator, assignee, compartment). What does depend on the engine (those
/// columns' round trip, exact comparison of actors, and the SQL filter behind the lists) is in DemandAccessTests,
/// which run on both.
/// </summary>
public sealed partial class AuthorizationMatrixTests(SqliteDeskApp app) : IClassFixture<SqliteDeskApp>
{
    private const string Anonymous = "(anonymous)";
    private const string Someone = "token:matrix-someone-else";
    private const string HumanRightsLeadRole = Core.Security.Roles.HumanRightsLead;

    private enum Outcome { Allowed, Unauthenticated, Forbidden, Hidden }

    private sealed record Case(Guid Id, Guid DocumentId, Guid PackageId);

    /// <summary>How the ledger names the actor behind a role's token: the platform system, or the role's test person.</summary>
    private static string Actor(string role) => role == Roles.Platform ? "token:" + role : DeskApp.PersonEmail(role);

    public static IReadOnlyList<(string Key, RouteEndpoint Endpoint)> MappedEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                // Razor Pages (and anything else mapped without a method) answer any method; their GET is what is tried.
                IReadOnlyList<string> tried = methods is { Count: > 0 } ? methods : ["GET"];
                return tried.Select(m => ($"{m} {Normalise(e.RoutePattern.RawText)}", e));
            })
            .OrderBy(x => x.Item1, StringComparer.Ordinal)
            .ToList();

    private static string Normalise(string? raw) => raw is null ? "/" : raw.StartsWith('/') ? raw : "/" + raw;

    [Fact]
    public void Every_mapped_endpoint_has_an_entry_and_every_entry_an_endpoint()
    {
        var mapped = MappedEndpoints(app.Services);
        Assert.NotEmpty(mapped);
        var missing = mapped.Select(m => m.Key).Distinct().Where(k => !AuthorizationMatrix.Expected.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0,
            "Endpoints without an entry in tests/RightsDesk.Integration.Tests/Security/AuthorizationMatrix.cs (see HOW TO ADD AN ENTRY there). Add, with the roles that may call it:\n"
            + string.Join("\n", missing.Select(k => $"        [\"{k}\"] = Rule.For(/* roles */){(k.Contains('{', StringComparison.Ordinal) ? ".Case(CaseRule.Contents) /* or .Object(ObjectKind.…) */" : "")},")));
        var stale = AuthorizationMatrix.Expected.Keys.Where(k => mapped.All(m => m.Key != k)).ToList();
        Assert.True(stale.Count == 0, "Entries in AuthorizationMatrix.Expected for endpoints the app no longer maps (remove or rename them):\n" + string.Join("\n", stale));
    }

    /// <summary>One caller's credential for one kind of endpoint: the client, who it acts as, whether that kind
    /// of endpoint accepts the credential at all (an API token on a page, or a session cookie on the API, does not),
    /// and for an official the account's id (the requester of the demands they send through the portal).</summary>
    private sealed record Credential(HttpClient Client, string? Actor, bool Accepted, string? OfficialUserId = null);

    /// <summary>
    /// Every role and anonymous, each with an API token (token roles) and a signed-in page session (staff roles, and
    /// for the official role a verified official of the portal). A role that has neither credential for an endpoint's
    /// kind uses the other one it has, or none.
    /// </summary>
    private async Task<Dictionary<(string Caller, bool Api), Credential>> Credentials(IReadOnlyList<string> callers)
    {
        // HTTPS like a deployment (the session and form cookies are Secure), and redirects left for the test to see.
        HttpClient Client() => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var anonymous = new Credential(Client(), null, false);
        var result = new Dictionary<(string, bool), Credential>();
        foreach (var caller in callers)
        {
            Credential? token = null;
            Credential? session = null;
            if (Roles.TokenRoles.Contains(caller))
            {
                var client = Client();
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenFor(caller));
                token = new Credential(client, Actor(caller), true);
            }

            if (Roles.Staff.Contains(caller))
            {
                var email = $"matrix-{caller.ToLowerInvariant()}-{Guid.NewGuid():N}"[..40] + "@staff.example.org";
                var person = await PageSession.CreatePersonAsync(app, email, caller);
                var page = new PageSession(app);
                var signedIn = await page.SignInAsync(person);
                Assert.True(signedIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{caller} could not sign in: {(int)signedIn.StatusCode}");
                session = new Credential(page.Client, AccountActor(email), true);
            }

            if (caller == Roles.Official)
            {
                // Registered, enrolled from the e-mailed link and verified by a call-back, as the portal tests do.
                var official = await PortalSupport.VerifiedOfficialAsync(app);
                var page = new PageSession(app);
                var signedIn = await page.SignInAsync(official.Person);
                Assert.True(signedIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{caller} could not sign in: {(int)signedIn.StatusCode}");
                session = new Credential(page.Client, await UserNameOf(official.UserId), true, official.UserId);
            }

            if (caller == Roles.Partner)
            {
                // Applied, vetted by two people, enrolled from the e-mailed invitation; a session and a person's token.
                var partner = await Partners.PartnerSupport.ApprovedPartnerAsync(app);
                var page = new PageSession(app);
                var signedIn = await page.SignInAsync(partner.Person);
                Assert.True(signedIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{caller} could not sign in: {(int)signedIn.StatusCode}");
                var name = await UserNameOf(partner.UserId);
                session = new Credential(page.Client, name, true);
                var client = Client();
                client.DefaultRequestHeaders.Authorization = (await Partners.PartnerSupport.TokenClientAsync(app, partner)).DefaultRequestHeaders.Authorization;
                token = new Credential(client, name, true);
            }

            result[(caller, true)] = token ?? (session is null ? anonymous : session with { Accepted = false });
            result[(caller, false)] = session ?? (token is null ? anonymous : token with { Accepted = false });
        }

        result[(Anonymous, true)] = anonymous;
        result[(Anonymous, false)] = anonymous;
        return result;
    }

    /// <summary>A signed-in person acts under their normalised e-mail, as the session's name claim carries it.</summary>
    private static string AccountActor(string email) => RightsDesk.Web.Accounts.AccountService.NormaliseEmail(email);

    /// <summary>An official acts under their account's pseudonymous user name ("official-…"), never their e-mail.</summary>
    private async Task<string> UserNameOf(string userId)
    {
        var name = "";
        await app.InScope(async sp => name = await sp.GetRequiredService<RightsDeskDbContext>().Users.Where(u => u.Id == userId).Select(u => u.UserName!).SingleAsync());
        return name;
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_table_says()
    {
        var endpoints = MappedEndpoints(app.Services).Where(m => AuthorizationMatrix.Expected.ContainsKey(m.Key)).ToList();
        var callers = Roles.All.Append(Anonymous).ToList();
        var credentials = await Credentials(callers);
        var requesters = credentials.Values.Where(c => c.OfficialUserId is not null).DistinctBy(c => c.Actor).ToDictionary(c => c.Actor!, c => c.OfficialUserId!, StringComparer.Ordinal);
        var cases = await MakeCases(credentials.Values.Select(c => c.Actor).OfType<string>().Distinct().ToList(), requesters);
        // A running desk signs a tree head every Ledger:TreeHeadInterval (the worker is off in tests): without one,
        // /tree-heads/latest has nothing to show and answers 404 to everyone.
        await app.InScope(sp => sp.GetRequiredService<TreeHeadService>().IssueAsync(Someone, onlyIfGrown: false, default));
        var mismatches = new List<string>();
        var calls = 0;
        foreach (var (key, endpoint) in endpoints)
        {
            var rule = AuthorizationMatrix.Expected[key];
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            var api = IsApi(endpoint);
            foreach (var caller in callers)
            {
                var credential = credentials[(caller, api)];
                var variants = rule.CaseRule == CaseRule.None ? [CaseVariant.Other] : Enum.GetValues<CaseVariant>();
                foreach (var variant in variants)
                {
                    var @case = CaseFor(cases, credential.Actor, variant);
                    var path = await Path(endpoint, rule, @case, cases);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : (rule.BodyFactory ?? Bodies.Json("{}"))() };
                    if (api && credential.Accepted && caller is not (Roles.Platform or Roles.Partner) && path.EndsWith("/approvals", StringComparison.Ordinal))
                    {
                        // A person approving through the API sends a fresh authenticator code, as every real client must.
                        request.Headers.Add(Web.Demands.DemandsApi.StepUpHeader, app.StepUpCode(caller));
                    }
                    using var response = await credential.Client.SendAsync(request);
                    calls++;
                    var actual = Classify(response, rule);
                    var expected = Expect(rule, credential.Accepted ? caller : Anonymous, variant, viaToken: api);
                    if (actual != expected)
                    {
                        var how = credential.Accepted ? "" : credential.Actor is null ? " (no credential)" : " (with a credential this endpoint does not take)";
                        mismatches.Add($"{key} as {caller}{how}{(rule.CaseRule == CaseRule.None ? "" : " on a case " + variant)}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location} {Shorten(await response.Content.ReadAsStringAsync())})");
                    }
                }
            }
        }

        Assert.True(calls > endpoints.Count * callers.Count - 1, "the matrix made fewer calls than endpoints × callers");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {calls} answers differ from AuthorizationMatrix.Expected:\n" + string.Join("\n", mismatches));
    }

    /// <summary>The API takes tokens, everything else (pages) takes the session cookie: the app's own split.</summary>
    private static bool IsApi(RouteEndpoint endpoint) => Normalise(endpoint.RoutePattern.RawText).StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>A session opens no API route and a token opens no page, so neither can be used across (CSRF on the API).</summary>
    [Fact]
    public async Task A_session_opens_no_api_route_and_a_token_no_page()
    {
        var credentials = await Credentials([Roles.Admin, Roles.HumanRightsLead]);
        foreach (var role in new[] { Roles.Admin, Roles.HumanRightsLead })
        {
            var session = credentials[(role, false)].Client;
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/desk")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/demands")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/at-risk")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await session.PostAsync("/api/v1/at-risk", Bodies.Json("{\"id\":\"@csrf\",\"category\":\"journalist\"}")())).StatusCode);

            var token = credentials[(role, true)].Client;
            var page = await token.GetAsync("/desk");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/signin", PathOf(page.Headers.Location));
        }
    }

    private static Outcome Expect(Rule rule, string caller, CaseVariant variant, bool viaToken)
    {
        if (rule.IsPublic)
        {
            return Outcome.Allowed;
        }

        if (caller == Anonymous)
        {
            return Outcome.Unauthenticated;
        }

        if (!rule.Roles.Contains(caller))
        {
            return Outcome.Forbidden;
        }

        return rule.Reaches(caller, variant, viaToken) ? Outcome.Allowed : Outcome.Hidden;
    }

    private static Outcome Classify(HttpResponseMessage r, Rule rule) => (int)r.StatusCode == rule.AllowedStatus ? Outcome.Allowed : r.StatusCode switch
    {
        HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.NotFound => Outcome.Hidden,
        HttpStatusCode.Redirect or HttpStatusCode.SeeOther when PathOf(r.Headers.Location) is { } to
            && (to.Contains("signin", StringComparison.OrdinalIgnoreCase) || to.Contains("sign-in", StringComparison.OrdinalIgnoreCase) || to.Contains("login", StringComparison.OrdinalIgnoreCase)) => Outcome.Unauthenticated,
        HttpStatusCode.Redirect or HttpStatusCode.SeeOther when PathOf(r.Headers.Location) is { } to
            && to.Contains("denied", StringComparison.OrdinalIgnoreCase) => Outcome.Forbidden,
        _ => Outcome.Allowed,
    };

    private static string? PathOf(Uri? location) => location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..160] + "…";

    /// <summary>The route with each parameter filled with a real value; an unknown parameter fails with what to add.</summary>
    private async Task<string> Path(RouteEndpoint endpoint, Rule rule, Case @case, Cases cases)
    {
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter:
                        path.Append(await Value(rule, parameter.Name, @case, cases, endpoint.RoutePattern.RawText));
                        break;
                }
            }
        }

        var text = path.ToString();
        return endpoint.RoutePattern.RawText?.EndsWith('/') == true && !text.EndsWith('/') ? text + "/" : text;
    }

    private async Task<string> Value(Rule rule, string parameter, Case @case, Cases cases, string? route) => (rule.CaseRule, rule.Kind, parameter) switch
    {
        (_, _, "documentName") => "v1",
        // The public pages: a language they are published in, a country with a profile (lower case, its one address).
        (_, _, "lang") => "en",
        // Safety guidance exists only for countries with threats of their own in the HRD policy.
        (_, _, "country") when route?.Contains("defenders", StringComparison.Ordinal) == true => "hk",
        (_, _, "country") => "us",
        // The error page's status, and a path nothing serves (the fallback's catch-all).
        (_, _, "code") => "404",
        (_, _, "path") => "no-such-page",
        // A transparency report's files: a period with no report published in the matrix's store (404 for everyone).
        (_, _, "period") => "2026-H1",
        (_, _, "version") => "1",
        (_, _, "file") => "report.csv",
        // A moderation decision by the platform's id: one nothing has (404 for everyone allowed).
        (_, _, "puid") => "matrix-no-such-puid",
        // An account's history by its keyed index: one no account has (an empty history for everyone allowed).
        (_, _, "index") => new string('0', 64),
        (_, _, "recommendation") => Guid.NewGuid().ToString(), // one no assessment has: 404 for everyone allowed
        // An object the entry expects to be missing (it answers 404 to everyone allowed): an id nothing has.
        (CaseRule.None, ObjectKind.None, "id") when rule.AllowedStatus == 404 => Guid.NewGuid().ToString(),
        (not CaseRule.None, _, "id") => @case.Id.ToString(),
        (not CaseRule.None, _, "documentId") => @case.DocumentId.ToString(),
        (not CaseRule.None, _, "packageId") => @case.PackageId.ToString(),
        (_, not ObjectKind.None, "id" or "secret" or "userId") => await FreshId(rule.Kind, cases),
        _ => OtherValue(parameter, route),
    };

    /// <summary>
    /// A fulfilled preservation case (so it has a document and a package) of every kind for every caller: open ones
    /// submitted by the caller and by someone else, compartmented ones assigned to the caller, to someone else, and
    /// submitted by the caller. Every step after fulfilment answers 409 or 422, never 404, so cases can be shared.
    /// An official's own cases came through the portal (they are its requester); <see cref="Released"/> is the
    /// official's open one, whose package download links are released from.
    /// </summary>
    private sealed record Cases(Case Other, Case Restricted, Dictionary<string, (Case Own, Case Assigned, Case RestrictedOwn)> ByActor, Case? Released);

    private async Task<Cases> MakeCases(IReadOnlyList<string> actors, IReadOnlyDictionary<string, string> requesters)
    {
        var other = await MakeCase(Someone, restricted: false, assignedTo: null);
        var restricted = await MakeCase(Someone, restricted: true, assignedTo: "token:matrix-assignee");
        var byActor = new Dictionary<string, (Case Own, Case Assigned, Case RestrictedOwn)>(StringComparer.Ordinal);
        Case? released = null;
        foreach (var actor in actors)
        {
            var requester = requesters.GetValueOrDefault(actor);
            byActor[actor] = (
                await MakeCase(actor, restricted: false, assignedTo: null, requester),
                await MakeCase(Someone, restricted: true, assignedTo: actor),
                await MakeCase(actor, restricted: true, assignedTo: "token:matrix-assignee", requester));
            if (requester is not null)
            {
                released = byActor[actor].Own;
            }
        }

        return new Cases(other, restricted, byActor, released);
    }

    /// <summary>The case of a kind for an actor; someone with no actor (anonymous) is tried on the shared cases.</summary>
    private static Case CaseFor(Cases cases, string? actor, CaseVariant variant)
    {
        if (actor is null || !cases.ByActor.TryGetValue(actor, out var own))
        {
            return variant is CaseVariant.Other or CaseVariant.Own ? cases.Other : cases.Restricted;
        }

        return variant switch
        {
            CaseVariant.Own => own.Own,
            CaseVariant.Assigned => own.Assigned,
            CaseVariant.RestrictedOwn => own.RestrictedOwn,
            CaseVariant.Restricted => cases.Restricted,
            _ => cases.Other,
        };
    }

    private async Task<Case> MakeCase(string createdBy, bool restricted, string? assignedTo, string? requesterUserId = null)
    {
        Case? made = null;
        await app.InScope(async sp =>
        {
            // Through the portal the example comes as it is (channel portal, the account's standing instead of a call-back).
            var body = Encoding.UTF8.GetBytes(requesterUserId is null ? TestRepo.Example("12-us-preservation-request") : TestRepo.RawExample("12-us-preservation-request"));
            var decider = Core.Cases.Actor.Person("matrix-decider", "matrix-decider");
            var created = await sp.GetRequiredService<CreateDemand>().RunAsync(new CreateDemand.Request(DemandReader.Read(body), body, new Upload("matrix.txt", "text/plain", "matrix"u8.ToArray()),
                decider, requesterUserId is null ? IntakeRoute.Api : IntakeRoute.Portal, RequesterUserId: requesterUserId), default);
            var record = (await sp.GetRequiredService<DemandCases>().FindAsync(created.Record.Id, default))!;
            await sp.GetRequiredService<Decide>().RunAsync(record, new DecisionInput(Recommendation.Preserve, null, null, null), decider, default);
            var package = await sp.GetRequiredService<Fulfil>().RunAsync(record, decider, default);
            // The matrix names creators and assignees as the ledger does; the kernel compares those names where a case
            // carries no actor id (as cases from before actor ids do), which is what these rows are.
            record.CreatedBy = createdBy;
            record.CreatedById = null;
            record.Restricted = restricted;
            record.AssignedTo = assignedTo;
            record.AssignedToId = null;
            await sp.GetRequiredService<RightsDeskDbContext>().SaveChangesAsync();
            var documentId = await sp.GetRequiredService<RightsDeskDbContext>().Documents.Where(d => d.DemandId == record.Id).Select(d => d.Id).SingleAsync();
            made = new Case(record.Id, documentId, package.Id);
        });
        return made!;
    }
}
