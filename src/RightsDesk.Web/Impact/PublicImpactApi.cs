using RightsDesk.Application.Impact;

namespace RightsDesk.Web.Impact;

/// <summary>/transparency/impact.json: the public summary of signed impact assessments, the same the public page shows.</summary>
public static class PublicImpactApi
{
    public static IEndpointRouteBuilder MapPublicImpact(this IEndpointRouteBuilder app)
    {
        app.MapGet("/transparency/impact.json", (PublicImpact q, CancellationToken ct) => q.SummaryAsync(ct))
            .AllowAnonymous().WithTags("Impact assessments")
            .WithSummary("Signed impact assessments in numbers: scope, phase, risks by severity and right, mitigations by status, consultations (small numbers banded), benchmarks, and what was left out.");
        return app;
    }
}
