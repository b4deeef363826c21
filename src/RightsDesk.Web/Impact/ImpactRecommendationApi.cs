using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Impact;
using RightsDesk.Core;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Security;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Impact;

/// <summary>
/// An assessment's recommendations (conditions, suspending a kind of demand processing, leaving a market) and their
/// proposal as policy changes. Approval needs the policy permission, which no token carries: a second person approves
/// on the desk (/desk/admin/policy/proposals), signed in with an authenticator, as every policy change is made.
/// </summary>
public static class ImpactRecommendationApi
{
    private const int MaxBody = 16 * 1024;

    public static RouteGroupBuilder MapImpactRecommendations(this RouteGroupBuilder g)
    {
        g.MapGet("/{id:guid}/recommendations", List).RequirePermission(Permission.ImpactRead)
            .WithSummary("The assessment's recommendations and where each policy change stands (recorded, proposed, approved and in force).");
        g.MapPost("/{id:guid}/recommendations", Record).RequirePermission(Permission.ImpactManage).Accepts<RecommendationInput>("application/json")
            .WithSummary("Recommend conditions, suspending demand processing of some kinds (as the Hong Kong override does) or leaving a market, with the reasons and the risks it answers.");
        g.MapPost("/{id:guid}/recommendations/{recommendation:guid}/propose", Propose).RequirePermission(Permission.ImpactManage).WorkflowStep()
            .WithSummary("Propose the recommendation as a change to the country's jurisdiction profile; a different person approves it on the desk.");
        return g;
    }

    private static async Task<Results<Ok<IReadOnlyList<RecommendationView>>, NotFound<ProblemDetails>>> List(Guid id, ImpactRecommendations q, CancellationToken ct) =>
        await q.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound();

    private static async Task<Results<Created<CreatedId>, NotFound<ProblemDetails>>> Record(Guid id, HttpRequest request, ClaimsPrincipal user, ImpactRecommendations cmd, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        using var doc = StrictJson.Parse(buffer.ToArray(), MaxBody, "The body is larger than 16 KB.");
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationFailedException([new FieldError("$", "Expected a JSON object.")]);
        }

        return await cmd.RecordAsync(id, RecommendationReader.Read(doc.RootElement), user.ToActor(), ct) is { } made
            ? TypedResults.Created($"/api/v1/impact-assessments/{id}/recommendations", new CreatedId(made))
            : Problems.NotFound();
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> Propose(Guid id, Guid recommendation, ClaimsPrincipal user, ImpactRecommendations cmd, CancellationToken ct) =>
        await cmd.ProposeAsync(id, recommendation, user.ToActor(), ct) ? TypedResults.NoContent() : Problems.NotFound();
}
