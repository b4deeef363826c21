using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Security;

public sealed record TokenRequest(string? Name, string? Role, int? Days);

public sealed record TokenCreated(Guid Id, string Name, string Role, DateTimeOffset ExpiresAt, string Token);

public sealed record TokenView(Guid Id, string Name, string Role, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>/api/v1/tokens: API tokens for the platform's systems, managed by an admin.</summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/tokens").WithTags("API tokens");
        g.MapGet("/", async (RightsDeskDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.ApiTokens.AsNoTracking().OrderBy(t => t.CreatedAt).ToListAsync(ct))
                .Select(t => new TokenView(t.Id, t.Name, t.Role, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToList()))
            .RequirePermission(Permission.TokenManage).WithSummary("List tokens (never their secrets).");
        g.MapPost("/", async Task<Created<TokenCreated>> (TokenRequest body, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100) { errors.Add(new FieldError("name", "Required, at most 100 characters.")); }
            if (body.Role is null || !Roles.TokenRoles.Contains(body.Role)) { errors.Add(new FieldError("role", "One of: " + string.Join(", ", Roles.TokenRoles) + ".")); }
            if (body.Days is < 1 or > 366) { errors.Add(new FieldError("days", "Between 1 and 366.")); }
            if (errors.Count > 0) { throw new ValidationFailedException(errors); }
            var issued = await tokens.CreateAsync(body.Name!.Trim(), body.Role!, TimeSpan.FromDays(body.Days ?? 90), user.Actor(), ct);
            return TypedResults.Created($"/api/v1/tokens/{issued.Record.Id}", new TokenCreated(issued.Record.Id, issued.Record.Name, issued.Record.Role, issued.Record.ExpiresAt, issued.Secret));
        }).RequirePermission(Permission.TokenManage).WithSummary("Create a token; its secret is shown in this answer only.");
        g.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound<ProblemDetails>>> (Guid id, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
            await tokens.RevokeAsync(id, user.Actor(), ct) ? TypedResults.NoContent() : Problems.NotFound())
            .RequirePermission(Permission.TokenManage).WithSummary("Revoke a token at once.");
        return api;
    }
}
