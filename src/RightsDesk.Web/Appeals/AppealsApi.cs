using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Appeals;
using RightsDesk.Core;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Security;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Appeals;

/// <summary>An appeal from the platform's own appeal flow: the decision by its puid, the user's statement, anything
/// new, the user's language, and optionally an e-mail address for the outcome (sealed).</summary>
public sealed record AppealRequest(string? Puid, string? Statement, string? NewInformation, string? Language, string? Contact);

/// <summary>The appeal as taken in: its id, state and when the review is due. The outcome follows by webhook
/// (<c>appeal.decided</c>).</summary>
public sealed record AppealCreated(Guid Id, AppealState State, DateTimeOffset ReviewDue);

/// <summary>POST /api/v1/moderation/appeals: DSA Art. 20 complaints from platforms that run their own appeal UI.</summary>
public static class AppealsApi
{
    public static RouteGroupBuilder MapAppealsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/moderation/appeals", Submit).WithTags("Moderation").RequirePermission(Permission.ModerationSubmit).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Appeal a stored moderation decision, named by its puid. Open for the policy's appeal window (at least six months) after the decision; one appeal per decision. A reviewer who took no part in the decision decides it; the outcome comes back by the signed webhook as 'appeal.decided'.");
        return api;
    }

    private static async Task<Results<Created<AppealCreated>, NotFound<ProblemDetails>>> Submit(AppealRequest body, ClaimsPrincipal user, SubmitAppeal submit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Puid))
        {
            throw new ValidationFailedException([new FieldError("puid", "The puid of the decision under appeal.")]);
        }

        var appeal = await submit.ByPuidAsync(body.Puid, new AppealInput(body.Statement, body.NewInformation, body.Language, body.Contact), user.ToActor(), ct);
        return appeal is null
            ? Problems.NotFound()
            : TypedResults.Created($"/api/v1/moderation/appeals/{appeal.Id}", new AppealCreated(appeal.Id, appeal.State, appeal.ReviewDue));
    }
}
