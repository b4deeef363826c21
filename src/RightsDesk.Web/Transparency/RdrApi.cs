using RightsDesk.Application.Transparency;

namespace RightsDesk.Web.Transparency;

/// <summary>/transparency/rdr.json: the RDR self-assessment as data, the same the public page shows.</summary>
public static class RdrApi
{
    public static IEndpointRouteBuilder MapPublicRdr(this IEndpointRouteBuilder app)
    {
        app.MapGet("/transparency/rdr.json", (RdrQuery q, CancellationToken ct) => q.AssessAsync(ct))
            .AllowAnonymous().WithTags("Transparency").WithSummary("The RDR self-assessment (G4a, F5a, F6, F8, P10a, P11a, P12), element by element, with evidence and gaps.");
        return app;
    }
}
