using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Pushback;
using RightsDesk.Core;
using RightsDesk.Core.Pushback;
using RightsDesk.Core.Security;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Impact;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pushback;

/// <summary>
/// /api/v1/pushback: legal challenges, advocacy and refusals of legal orders, each tied to a jurisdiction profile and
/// offence catalogue entries. The people who keep impact assessments keep these (the same permissions); the public
/// summary is at /transparency/pushback.json.
/// </summary>
public static class PushbackApi
{
    private const int MaxBody = 64 * 1024;

    public static RouteGroupBuilder MapPushbackApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/pushback").WithTags("Push-back");
        g.MapGet("/", (PushbackQueries q, CancellationToken ct) => q.ListAsync(ct)).RequirePermission(Permission.ImpactRead)
            .WithSummary("Legal challenges, advocacy and refusals, most recently started first.");
        g.MapPost("/", Record).RequirePermission(Permission.ImpactManage).Accepts<PushbackInput>("application/json")
            .WithSummary("Record a legal challenge (court required), advocacy (target required) or a refusal of a legal order.");
        g.MapGet("/{id:guid}", Get).RequirePermission(Permission.ImpactRead).WithSummary("One push-back record.");
        g.MapPost("/{id:guid}/status", Status).RequirePermission(Permission.ImpactManage).Accepts<PushbackStatusInput>("application/json")
            .WithSummary("Move a record on; a concluded record says how it ended.");
        return api;
    }

    /// <summary>The public summary as JSON: no names, no case numbers, demand counts banded, and what was left out.</summary>
    public static IEndpointRouteBuilder MapPublicPushback(this IEndpointRouteBuilder app)
    {
        app.MapGet("/transparency/pushback.json", (PushbackQueries q, CancellationToken ct) => q.PublicAsync(ct))
            .AllowAnonymous().WithTags("Push-back").WithSummary("The public summary of push-back: what was challenged, where, and how it ended.");
        return app;
    }

    private static async Task<JsonElement> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        using var doc = StrictJson.Parse(buffer.ToArray(), MaxBody, "The body is larger than 64 KB.");
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationFailedException([new FieldError("$", "Expected a JSON object.")]);
        }

        return doc.RootElement.Clone();
    }

    private static async Task<Created<CreatedId>> Record(HttpRequest request, ClaimsPrincipal user, PushbackRecords cmd, PolicyProvider policy, CancellationToken ct)
    {
        var id = await cmd.RecordAsync(PushbackReader.Read(await BodyAsync(request, ct), policy.Current), user.ToActor(), ct);
        return TypedResults.Created($"/api/v1/pushback/{id}", new CreatedId(id));
    }

    private static async Task<Results<Ok<PushbackView>, NotFound<ProblemDetails>>> Get(Guid id, PushbackQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> Status(Guid id, HttpRequest request, ClaimsPrincipal user, PushbackRecords cmd, CancellationToken ct) =>
        await cmd.ChangeStatusAsync(id, PushbackReader.Status(await BodyAsync(request, ct)), user.ToActor(), ct) ? TypedResults.NoContent() : Problems.NotFound();
}
