using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightsDesk.Core.Moderation;

namespace RightsDesk.Integration.Tests.Export;

/// <summary>
/// A stand-in for the DSA Transparency Database's API on Kestrel (127.0.0.1, a free port) that keeps its rules as
/// the real one does (digital-services-act/transparency-database, StatementAPIController): a bearer token,
/// <c>{"statements":[...]}</c> of 1 to 100, all or nothing, 422 with <c>errors.statement_N</c> for invalid
/// statements, with <c>errors.existing_puids</c> for puids it already holds and for puids repeated in one call; the
/// existing-puid lookup answering 302 with the statement or 404. Tests can make it answer 429 (with Retry-After)
/// or 500, or store a call and then fail it, as a lost answer would look.
/// </summary>
public sealed partial class TransparencyDatabaseReceiver : IAsyncDisposable
{
    public const string Token = "tdb-test-token-5f0c9b2e";
    private readonly WebApplication _app;
    private readonly object _gate = new();

    private TransparencyDatabaseReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The statements stored, by puid.</summary>
    public ConcurrentDictionary<string, JsonObject> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>Statuses to answer the next POSTs with before looking at them (429 or 500).</summary>
    public ConcurrentQueue<HttpStatusCode> Inject { get; } = new();

    /// <summary>From this POST on (1-based), store the call and then answer 500, and answer 500 to every later one.</summary>
    public int? BreakAtPost { get; set; }

    public int Posts;
    public int Lookups;

    /// <summary>Calls refused because a puid in them was already stored: a client that never sends a puid twice makes none.</summary>
    public int DuplicateRefusals;

    public static async Task<TransparencyDatabaseReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new TransparencyDatabaseReceiver(app);
        app.MapPost("/api/v1/statements", (Delegate)receiver.PostAsync);
        app.MapGet("/api/v1/statement/existing-puid/{puid}", (HttpContext ctx, string puid) => receiver.Lookup(ctx, puid));
        await app.StartAsync();
        receiver.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    private static bool Authorised(HttpContext ctx) => ctx.Request.Headers.Authorization.ToString() == "Bearer " + Token;

    private IResult Lookup(HttpContext ctx, string puid)
    {
        if (!Authorised(ctx))
        {
            return Results.Json(new { message = "Unauthenticated." }, statusCode: 401);
        }

        Interlocked.Increment(ref Lookups);
        return Stored.TryGetValue(puid, out var s)
            ? Results.Json(s, statusCode: 302)
            : Results.Json(new { message = "statement of reason not found" }, statusCode: 404);
    }

    private async Task<IResult> PostAsync(HttpContext ctx)
    {
        if (!Authorised(ctx))
        {
            return Results.Json(new { message = "Unauthenticated." }, statusCode: 401);
        }

        var n = Interlocked.Increment(ref Posts);
        if (Inject.TryDequeue(out var injected))
        {
            ctx.Response.Headers.RetryAfter = "1";
            return Results.Json(new { message = injected == HttpStatusCode.TooManyRequests ? "Too Many Attempts." : "Server Error" }, statusCode: (int)injected);
        }

        var broken = BreakAtPost is { } at && n > at;
        if (broken)
        {
            return Results.Json(new { message = "Server Error" }, statusCode: 500);
        }

        var body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject;
        if (body?["statements"] is not JsonArray list || list.Count is < 1 or > 100 || list.Any(s => s is not JsonObject))
        {
            return Results.Json(new { message = "The statements field must have between 1 and 100 items.", errors = new { statements = new[] { "The statements field must have between 1 and 100 items." } } }, statusCode: 422);
        }

        var statements = list.Select(s => (JsonObject)s!).ToList();
        var errors = new JsonObject();
        for (var i = 0; i < statements.Count; i++)
        {
            var e = Validate(statements[i]);
            if (e.Count > 0)
            {
                errors["statement_" + i] = e;
            }
        }

        if (errors.Count > 0)
        {
            return Results.Json(new JsonObject { ["errors"] = errors }, statusCode: 422);
        }

        var puids = statements.Select(s => s["puid"]!.GetValue<string>()).ToList();
        if (puids.Distinct(StringComparer.Ordinal).Count() != puids.Count)
        {
            return Results.Json(new { message = "The platform identifier(s) are not all unique within this call.", errors = new { puid = new[] { "The platform identifier(s) are not all unique within this call." } } }, statusCode: 422);
        }

        lock (_gate)
        {
            var existing = puids.Where(Stored.ContainsKey).ToList();
            if (existing.Count > 0)
            {
                Interlocked.Increment(ref DuplicateRefusals);
                return Results.Json(new
                {
                    message = "the platform identifier(s) given are not all unique within this platform.",
                    errors = new { puid = new[] { "the platform identifier(s) are not all unique within this platform." }, existing_puids = existing },
                }, statusCode: 422);
            }

            var created = new JsonArray();
            foreach (var s in statements)
            {
                var stored = (JsonObject)s.DeepClone();
                stored["uuid"] = Guid.NewGuid().ToString();
                Stored[s["puid"]!.GetValue<string>()] = stored;
                created.Add(stored.DeepClone());
            }

            // A lost answer: stored, but the client hears a server error.
            return BreakAtPost == n
                ? Results.Json(new { message = "Server Error" }, statusCode: 500)
                : Results.Json(new JsonObject { ["statements"] = created }, statusCode: 201);
        }
    }

    /// <summary>The database's required fields and value lists, checked on their own (not with RightsDesk's reader).</summary>
    private static JsonObject Validate(JsonObject s)
    {
        var errors = new JsonObject();
        void Fail(string field, string message) => errors[field] = new JsonArray(message);
        string? Text(string name) => s[name]?.GetValueKind() == JsonValueKind.String ? s[name]!.GetValue<string>() : null;
        void OneOf(string name, IReadOnlyList<string> values, bool required)
        {
            var v = Text(name);
            if (v is null ? required || s.ContainsKey(name) && s[name] is not null : !values.Contains(v, StringComparer.Ordinal))
            {
                Fail(name, $"The selected {name.Replace('_', ' ')} is invalid.");
            }
        }

        void ListOf(string name, IReadOnlyList<string> values, bool required)
        {
            if (s[name] is null)
            {
                if (required)
                {
                    Fail(name, $"The {name.Replace('_', ' ')} field is required.");
                }

                return;
            }

            if (s[name] is not JsonArray a || a.Any(x => x?.GetValueKind() != JsonValueKind.String || !values.Contains(x.GetValue<string>(), StringComparer.Ordinal)))
            {
                Fail(name, $"The selected {name.Replace('_', ' ')} is invalid.");
            }
        }

        void Max(string name, int max)
        {
            if (Text(name) is { } t && t.Length > max)
            {
                Fail(name, $"The {name.Replace('_', ' ')} field must not be greater than {max} characters.");
            }
        }

        if (new[] { "decision_visibility", "decision_monetary", "decision_provision", "decision_account" }.All(f => s[f] is null))
        {
            Fail("decision_visibility", "The decision visibility field is required when none of decision monetary / decision provision / decision account are present.");
        }

        ListOf("decision_visibility", Tdb.DecisionVisibility, false);
        OneOf("decision_monetary", Tdb.DecisionMonetary, false);
        OneOf("decision_provision", Tdb.DecisionProvision, false);
        OneOf("decision_account", Tdb.DecisionAccount, false);
        OneOf("account_type", Tdb.AccountType, false);
        OneOf("decision_ground", Tdb.DecisionGround, true);
        if (Text("decision_ground") == Tdb.GroundIllegal && Text("illegal_content_legal_ground") is null)
        {
            Fail("illegal_content_legal_ground", "The illegal content legal ground field is required when decision ground is illegal content.");
        }

        if (Text("decision_ground") == Tdb.GroundIncompatible && Text("incompatible_content_ground") is null)
        {
            Fail("incompatible_content_ground", "The incompatible content ground field is required when decision ground is incompatible content.");
        }

        ListOf("content_type", Tdb.ContentType, true);
        OneOf("category", Tdb.Category, true);
        ListOf("category_addition", Tdb.Category, false);
        ListOf("category_specification", Tdb.Keywords, false);
        ListOf("territorial_scope", Tdb.Eea, false);
        OneOf("source_type", Tdb.SourceType, true);
        OneOf("automated_detection", Tdb.YesNo, true);
        OneOf("automated_decision", Tdb.AutomatedDecision, true);
        foreach (var (name, from) in new[] { ("content_date", "2000-01-01"), ("application_date", "2020-01-01") })
        {
            if (Text(name) is not { } d || !DayPattern().IsMatch(d) || string.CompareOrdinal(d, from) < 0 || string.CompareOrdinal(d, "2038-01-01") > 0)
            {
                Fail(name, $"The {name.Replace('_', ' ')} does not match the format YYYY-MM-DD.");
            }
        }

        if (Text("decision_facts") is null)
        {
            Fail("decision_facts", "The decision facts field is required.");
        }

        Max("decision_facts", 5000);
        Max("illegal_content_legal_ground", 500);
        Max("illegal_content_explanation", 2000);
        Max("incompatible_content_ground", 500);
        Max("incompatible_content_explanation", 2000);
        Max("source_identity", 500);
        if (Text("puid") is not { } puid || puid.Length > 500 || !PuidPattern().IsMatch(puid))
        {
            Fail("puid", "The puid field format is invalid.");
        }

        return errors;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DayPattern();

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex PuidPattern();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
