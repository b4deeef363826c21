using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Defenders;
using RightsDesk.Core;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Security;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Defenders;

public sealed record AtRiskIdentifierRequest(string? Kind, string? Value);

/// <summary>A person proposed for the registry. <c>id</c> is the single-identifier form of earlier clients.</summary>
public sealed record AtRiskRequest(
    IReadOnlyList<AtRiskIdentifierRequest>? Identifiers, string? Id, string? Category, string? Source, bool? Consent, string? ConsentOn,
    string? ReviewOn, string? VisibleTo, string? Country, string? Note);

public sealed record AtRiskCreated(Guid Id, string Category, AtRiskStatus Status, bool Created);

public sealed record AtRiskChanged(Guid Id, AtRiskStatus Status);

/// <summary>/api/v1/at-risk: the registry of people whose targeting raises the bar for any demand.</summary>
public static class AtRiskApi
{
    public static RouteGroupBuilder MapAtRiskApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/at-risk").WithTags("At-risk registry");
        g.MapGet("/", async (ClaimsPrincipal user, AtRiskRegistry registry, CancellationToken ct, int page = 1, int pageSize = 100) =>
        {
            page = Math.Max(1, page);
            pageSize = Math.Clamp(pageSize, 1, 500);
            return TypedResults.Ok(await registry.ListAsync(user.ToViewer(), Paging.Offset(page, pageSize), pageSize, ct));
        }).RequirePermission(Permission.AtRiskRead).WithSummary("List entries (a sensitive read, recorded in the ledger). No API token may read the registry: it is read on the desk, signed in with an authenticator, so every token gets 403 here.");

        g.MapPost("/", async Task<Results<Created<AtRiskCreated>, Ok<AtRiskCreated>>> (AtRiskRequest body, ClaimsPrincipal user, AtRiskRegistry registry, CancellationToken ct) =>
        {
            var entry = AtRiskEntryReader.Read(JsonSerializer.SerializeToElement(body, JsonNames.Options));
            var proposal = await registry.ProposeAsync(entry, user.ToActor(), ct);
            var view = new AtRiskCreated(proposal.Id, entry.Category, proposal.Status, proposal.Created);
            return proposal.Created ? TypedResults.Created($"/api/v1/at-risk/{proposal.Id}", view) : TypedResults.Ok(view);
        }).RequirePermission(Permission.AtRiskManage).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Propose a person with their identifiers. The entry protects at once and becomes active when a second person approves it on the desk. A person one of whose identifiers is already listed is not added twice (200).");

        g.MapDelete("/{id:guid}", async Task<Results<Accepted<AtRiskChanged>, NotFound<ProblemDetails>>> (Guid id, ClaimsPrincipal user, AtRiskRegistry registry, CancellationToken ct) =>
            await registry.ProposeRemovalAsync(id, user.ToViewer(), ct) is { } status
                ? TypedResults.Accepted($"/api/v1/at-risk/{id}", new AtRiskChanged(id, status))
                : Problems.NotFound())
            .RequirePermission(Permission.AtRiskManage).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Propose removing an entry; it protects until a second person approves the removal on the desk.");
        return api;
    }
}
