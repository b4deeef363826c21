using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Notices;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Defenders;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Security;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// Every endpoint the app maps × every role and anonymous × every kind of case, against the table in
/// <see cref="AuthorizationMatrix"/>. Calls use real ids (a case of the given kind, its real document and package,
/// a fresh at-risk entry, token or dead letter), so a 404 can only be a denial. An answer counts as "allowed past
/// authorisation" unless it is 401, 403, 404 or a redirect to sign-in: a 400, 409 or 422 means the request reached the
/// handler's own rules. Runs on both engines: the object checks read rows (creator, assignee, compartment), and
/// the same table must hold on each.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Anonymous = "(anonymous)";
    private const string Someone = "token:matrix-someone-else";

    private enum Outcome { Allowed, Unauthenticated, Forbidden, Hidden }

    private sealed record Case(Guid Id, Guid DocumentId, Guid PackageId);

    private static string Actor(string role) => "token:" + role;

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

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_table_says()
    {
        var endpoints = MappedEndpoints(app.Services).Where(m => AuthorizationMatrix.Expected.ContainsKey(m.Key)).ToList();
        var callers = Roles.All.Append(Anonymous).ToList();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { [Anonymous] = app.CreateClient() };
        foreach (var role in Roles.All)
        {
            clients[role] = await app.ClientFor(role);
        }

        var cases = await MakeCases(callers);
        var mismatches = new List<string>();
        var calls = 0;
        foreach (var (key, endpoint) in endpoints)
        {
            var rule = AuthorizationMatrix.Expected[key];
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            foreach (var caller in callers)
            {
                var variants = rule.CaseRule == CaseRule.None ? [CaseVariant.Other] : Enum.GetValues<CaseVariant>();
                foreach (var variant in variants)
                {
                    var @case = cases[(caller, variant)];
                    var path = await Path(endpoint, rule, @case);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : (rule.BodyFactory ?? Bodies.Json("{}"))() };
                    using var response = await clients[caller].SendAsync(request);
                    calls++;
                    var actual = Classify(response);
                    var expected = Expect(rule, caller, variant);
                    if (actual != expected)
                    {
                        mismatches.Add($"{key} as {caller}{(rule.CaseRule == CaseRule.None ? "" : " on a case " + variant)}: expected {expected}, got {actual} ({(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())})");
                    }
                }
            }
        }

        Assert.True(calls > endpoints.Count * callers.Count - 1, "the matrix made fewer calls than endpoints × callers");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {calls} answers differ from AuthorizationMatrix.Expected:\n" + string.Join("\n", mismatches));
    }

    private static Outcome Expect(Rule rule, string caller, CaseVariant variant)
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

        return rule.Reaches(caller, variant) ? Outcome.Allowed : Outcome.Hidden;
    }

    private static Outcome Classify(HttpResponseMessage r) => r.StatusCode switch
    {
        HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.NotFound => Outcome.Hidden,
        HttpStatusCode.Redirect or HttpStatusCode.SeeOther when r.Headers.Location?.ToString() is { } to
            && (to.Contains("sign-in", StringComparison.OrdinalIgnoreCase) || to.Contains("login", StringComparison.OrdinalIgnoreCase)) => Outcome.Unauthenticated,
        HttpStatusCode.Redirect or HttpStatusCode.SeeOther when r.Headers.Location?.ToString() is { } to
            && to.Contains("denied", StringComparison.OrdinalIgnoreCase) => Outcome.Forbidden,
        _ => Outcome.Allowed,
    };

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..160] + "…";

    /// <summary>The route with each parameter filled with a real value; an unknown parameter fails with what to add.</summary>
    private async Task<string> Path(RouteEndpoint endpoint, Rule rule, Case @case)
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
                        path.Append(await Value(rule, parameter.Name, @case, endpoint.RoutePattern.RawText));
                        break;
                }
            }
        }

        var text = path.ToString();
        return endpoint.RoutePattern.RawText?.EndsWith('/') == true && !text.EndsWith('/') ? text + "/" : text;
    }

    private async Task<string> Value(Rule rule, string parameter, Case @case, string? route) => (rule.CaseRule, rule.Kind, parameter) switch
    {
        (_, _, "documentName") => "v1",
        (not CaseRule.None, _, "id") => @case.Id.ToString(),
        (not CaseRule.None, _, "documentId") => @case.DocumentId.ToString(),
        (not CaseRule.None, _, "packageId") => @case.PackageId.ToString(),
        (_, not ObjectKind.None, "id") => (await FreshId(rule.Kind)).ToString(),
        _ => throw new InvalidOperationException(
            $"The matrix does not know what to put in {{{parameter}}} of {route}: give its entry .Case(…) if it names a case, or .Object(ObjectKind.…) and teach AuthorizationMatrixTests.FreshId to make one."),
    };

    /// <summary>A new object for one call, so a call that deletes or changes it cannot turn the next call's answer into a 404.</summary>
    private async Task<Guid> FreshId(ObjectKind kind)
    {
        var id = Guid.Empty;
        await app.InScope(async sp =>
        {
            switch (kind)
            {
                case ObjectKind.AtRiskEntry:
                    id = (await sp.GetRequiredService<AtRiskRegistry>().AddAsync("@matrix-" + Guid.NewGuid().ToString("N"), "journalist", null, Someone, default)).Record.Id;
                    break;
                case ObjectKind.ApiToken:
                    id = (await sp.GetRequiredService<ApiTokenService>().CreateAsync("matrix-" + Guid.NewGuid().ToString("N")[..8], Roles.Platform, TimeSpan.FromDays(1), Someone, default)).Record.Id;
                    break;
                case ObjectKind.DeadLetter:
                    var db = sp.GetRequiredService<RightsDeskDbContext>();
                    var now = app.Clock.GetUtcNow();
                    id = Guid.CreateVersion7(now);
                    db.Outbox.Add(new OutboxMessage
                    {
                        Id = id, Channel = OutboxChannel.Webhook, IdempotencyKey = "matrix-" + id.ToString("N"), Status = OutboxStatus.DeadLetter,
                        Attempts = 3, CreatedAt = now, NextAttemptAt = now, LastError = "matrix", WrappedKey = [1], SealedPayload = [1],
                    });
                    await db.SaveChangesAsync();
                    break;
                default:
                    throw new InvalidOperationException($"No way to make a {kind}: add one to AuthorizationMatrixTests.FreshId.");
            }
        });
        return id;
    }

    /// <summary>
    /// A fulfilled preservation case (so it has a document and a package) of every kind for every caller: open ones
    /// submitted by the caller and by someone else, compartmented ones assigned to the caller, to someone else, and
    /// submitted by the caller. Every step after fulfilment answers 409 or 422, never 404, so cases can be shared.
    /// </summary>
    private async Task<Dictionary<(string, CaseVariant), Case>> MakeCases(IReadOnlyList<string> callers)
    {
        var other = await MakeCase(Someone, restricted: false, assignedTo: null);
        var restricted = await MakeCase(Someone, restricted: true, assignedTo: "token:matrix-assignee");
        var cases = new Dictionary<(string, CaseVariant), Case>();
        foreach (var caller in callers)
        {
            var actor = caller == Anonymous ? Someone : Actor(caller);
            cases[(caller, CaseVariant.Other)] = other;
            cases[(caller, CaseVariant.Restricted)] = restricted;
            cases[(caller, CaseVariant.Own)] = caller == Anonymous ? other : await MakeCase(actor, restricted: false, assignedTo: null);
            cases[(caller, CaseVariant.Assigned)] = caller == Anonymous ? restricted : await MakeCase(Someone, restricted: true, assignedTo: actor);
            cases[(caller, CaseVariant.RestrictedOwn)] = caller == Anonymous ? restricted : await MakeCase(actor, restricted: true, assignedTo: "token:matrix-assignee");
        }

        return cases;
    }

    private async Task<Case> MakeCase(string createdBy, bool restricted, string? assignedTo)
    {
        Case? made = null;
        await app.InScope(async sp =>
        {
            var service = sp.GetRequiredService<DemandService>();
            var body = Encoding.UTF8.GetBytes(TestRepo.Example("12-us-preservation-request"));
            var created = await service.CreateAsync(DemandReader.Read(body), body, new DemandService.Upload("matrix.txt", "text/plain", "matrix"u8.ToArray()), createdBy, null, default);
            var record = created.Record;
            await service.DecideAsync(record, new DecisionInput(Recommendation.Preserve, null, null, null), "token:matrix-decider", default);
            var package = await service.FulfilAsync(record, "token:matrix-decider", default);
            record.Restricted = restricted;
            record.AssignedTo = assignedTo;
            await sp.GetRequiredService<RightsDeskDbContext>().SaveChangesAsync();
            var documentId = await sp.GetRequiredService<RightsDeskDbContext>().Documents.Where(d => d.DemandId == record.Id).Select(d => d.Id).SingleAsync();
            made = new Case(record.Id, documentId, package.Id);
        });
        return made!;
    }
}

public sealed class SqliteAuthorizationMatrixTests(SqliteDeskApp app) : AuthorizationMatrixTests<SqliteDeskApp>(app);

public sealed class PostgresAuthorizationMatrixTests(PostgresDeskApp app) : AuthorizationMatrixTests<PostgresDeskApp>(app);
