using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Core;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Security;
using RightsDesk.Application.Defenders;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Defenders;

public sealed record AtRiskRequest(string? Id, string? Category, string? Note);

public sealed record AtRiskCreated(Guid Id, string Category, bool Created);

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
            return TypedResults.Ok(await registry.ListAsync(user.Actor(), Paging.Offset(page, pageSize), pageSize, ct));
        }).RequirePermission(Permission.AtRiskRead).WithSummary("List entries (a sensitive read, recorded in the ledger). No API token may read the registry: it is read on the desk, signed in with an authenticator, so every token gets 403 here.");

        g.MapPost("/", async Task<Results<Created<AtRiskCreated>, Ok<AtRiskCreated>>> (AtRiskRequest body, ClaimsPrincipal user, AtRiskRegistry registry, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(body.Id) || body.Id.Length > 300)
            {
                errors.Add(new FieldError("id", "Required: the account, e-mail, phone or URL that identifies the person (at most 300 characters)."));
            }

            if (body.Category is null || !AtRiskCategories.All.Contains(body.Category))
            {
                errors.Add(new FieldError("category", "One of: " + string.Join(", ", AtRiskCategories.All) + "."));
            }

            if (body.Note is { Length: > 2000 })
            {
                errors.Add(new FieldError("note", "At most 2000 characters."));
            }

            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            var (record, created) = await registry.AddAsync(body.Id!, body.Category!, body.Note, user.Actor(), ct);
            var view = new AtRiskCreated(record.Id, record.Category, created);
            return created ? TypedResults.Created($"/api/v1/at-risk/{record.Id}", view) : TypedResults.Ok(view);
        }).RequirePermission(Permission.AtRiskManage).WithSummary("Add a person (idempotent: an identifier already listed is not added twice).");

        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>>> (Guid id, ClaimsPrincipal user, AtRiskRegistry registry, CancellationToken ct) =>
            await registry.RemoveAsync(id, user.Actor(), ct) ? TypedResults.NoContent() : Problems.NotFound())
            .RequirePermission(Permission.AtRiskManage).WithSummary("Remove an entry.");
        return api;
    }
}
