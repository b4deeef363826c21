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

public sealed record PhaseRequest(AssessmentPhase Phase);

public sealed record SignOffRequest(Guid Review);

public sealed record CreatedId(Guid Id);

/// <summary>
/// /api/v1/impact-assessments: human rights impact assessments, their risks, plan, consultations, reviews and
/// benchmarks. Bodies are read by the Core readers from the raw JSON (every refusal at once, by path); the declared
/// schemas are the readers' input records, which have the wire's shape.
/// </summary>
public static class ImpactApi
{
    private const int MaxBody = 256 * 1024;

    public static RouteGroupBuilder MapImpactApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/impact-assessments").WithTags("Impact assessments");
        g.MapGet("/", (ImpactQueries q, CancellationToken ct) => q.ListAsync(ct)).RequirePermission(Permission.ImpactRead).WithSummary("List impact assessments, newest first.");
        g.MapPost("/", Create).RequirePermission(Permission.ImpactManage).Accepts<AssessmentInput>("application/json").WithSummary("Open an impact assessment (trigger, scope, phase, assessors, next review, assurance).");
        g.MapGet("/{id:guid}", Get).RequirePermission(Permission.ImpactRead).WithSummary("The assessment: risks ordered by severity, then actual before potential, then likelihood; the plan; reviews; benchmarks; the risk matrix.");
        g.MapPost("/{id:guid}/phase", Phase).RequirePermission(Permission.ImpactManage).Accepts<PhaseRequest>("application/json").WithSummary("Move the assessment to a DIHR phase, or to monitoring.");
        g.MapPost("/{id:guid}/risks", AddRisk).RequirePermission(Permission.ImpactManage).Accepts<ImpactRisk>("application/json").WithSummary("Add a risk; every rating needs its rationale, and all missing ones are reported together.");
        g.MapPost("/{id:guid}/mitigations", AddMitigation).RequirePermission(Permission.ImpactManage).Accepts<MitigationInput>("application/json").WithSummary("Add a mitigation to the plan (owner, due date, DSA Art. 35(1) measure).");
        g.MapPost("/{id:guid}/mitigation-status", MitigationStatus).RequirePermission(Permission.ImpactManage).Accepts<MitigationStatusInput>("application/json").WorkflowStep()
            .WithSummary("Change a mitigation's status; declined needs a reason, verified needs evidence and someone other than the owner.");
        g.MapPost("/{id:guid}/consultations", AddConsultation).RequirePermission(Permission.ImpactManage).Accepts<ConsultationInput>("application/json").WithSummary("Record a consultation (sealed; people named only with consent).");
        g.MapGet("/{id:guid}/consultations", Consultations).RequirePermission(Permission.ImpactManage).WithSummary("The consultations, opened from their seal (recorded in the ledger).");
        g.MapPost("/{id:guid}/reviews", Review).RequirePermission(Permission.ImpactManage).Accepts<ReviewInput>("application/json").WorkflowStep().WithSummary("Record a review (scheduled, triggered, after an incident).");
        g.MapPost("/{id:guid}/sign-off", SignOff).RequirePermission(Permission.ImpactManage).Accepts<SignOffRequest>("application/json").WorkflowStep().WithSummary("Sign a review off: never by the person who conducted it.");
        g.MapImpactRecommendations();
        g.MapPost("/{id:guid}/benchmarks", AddBenchmark).RequirePermission(Permission.ImpactManage).Accepts<BenchmarkInput>("application/json").WithSummary("Bind a mitigation or commitment to a registered metric, with baseline, target and direction.");

        var b = api.MapGroup("/benchmarks").WithTags("Impact assessments");
        b.MapPost("/{id:guid}/readings", Reading).RequirePermission(Permission.ImpactManage).WithSummary("Take a reading now: the value, the time and the ledger's tree size; off target raises a review.");
        b.MapGet("/{id:guid}/recompute", Recompute).RequirePermission(Permission.ImpactRead).WithSummary("Compute every reading again at its tree size: each must give the stored value.");
        api.MapGet("/metrics", (IMetricRegistry m) => TypedResults.Ok(m.All)).RequirePermission(Permission.ImpactRead).WithTags("Impact assessments").WithSummary("The registered metrics benchmarks can bind to.");
        api.MapGet("/impact-gate", (ImpactQueries q, CancellationToken ct) => q.GateAsync(ct)).RequirePermission(Permission.ImpactRead).WithTags("Impact assessments")
            .WithSummary("Markets and product launches without a signed, current assessment, and reviews past due.");
        return api;
    }

    private static async Task<JsonElement> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        using var doc = StrictJson.Parse(buffer.ToArray(), MaxBody, "The body is larger than 256 KB.");
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationFailedException([new FieldError("$", "Expected a JSON object.")]);
        }

        return doc.RootElement.Clone();
    }

    private static async Task<Created<CreatedId>> Create(HttpRequest request, ClaimsPrincipal user, ImpactAssessments cmd, CancellationToken ct)
    {
        var id = await cmd.CreateAsync(ImpactReader.Assessment(await BodyAsync(request, ct)), user.ToActor(), ct);
        return TypedResults.Created($"/api/v1/impact-assessments/{id}", new CreatedId(id));
    }

    private static async Task<Results<Ok<AssessmentView>, NotFound<ProblemDetails>>> Get(Guid id, ImpactQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound();

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> Phase(Guid id, HttpRequest request, ClaimsPrincipal user, ImpactAssessments cmd, CancellationToken ct) =>
        await cmd.ChangePhaseAsync(id, ImpactReader.Phase(await BodyAsync(request, ct)), user.ToActor(), ct) ? TypedResults.NoContent() : Problems.NotFound();

    private static async Task<Results<Created<CreatedId>, NotFound<ProblemDetails>>> AddRisk(Guid id, HttpRequest request, ClaimsPrincipal user, ImpactAssessments cmd, ImpactStore store, CancellationToken ct)
    {
        var body = await BodyAsync(request, ct);
        return Made(id, await cmd.AddRiskAsync(id, RiskReader.Read(body, store.Rules), user.ToActor(), ct));
    }

    private static async Task<Results<Created<CreatedId>, NotFound<ProblemDetails>>> AddMitigation(Guid id, HttpRequest request, ClaimsPrincipal user, ImpactMitigations cmd, CancellationToken ct) =>
        Made(id, await cmd.AddAsync(id, ImpactReader.Mitigation(await BodyAsync(request, ct)), user.ToActor(), ct));

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> MitigationStatus(Guid id, HttpRequest request, ClaimsPrincipal user, ImpactMitigations cmd, CancellationToken ct) =>
        await cmd.ChangeStatusAsync(id, ImpactReader.MitigationStatus(await BodyAsync(request, ct)), user.ToActor(), ct) ? TypedResults.NoContent() : Problems.NotFound();

    private static async Task<Results<Created<CreatedId>, NotFound<ProblemDetails>>> AddConsultation(Guid id, HttpRequest request, ClaimsPrincipal user, ImpactConsultations cmd, ImpactStore store, CancellationToken ct)
    {
        var body = await BodyAsync(request, ct);
        return Made(id, await cmd.RecordAsync(id, ImpactReader.Consultation(body, store.Rules), user.ToActor(), ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<ConsultationView>>, NotFound<ProblemDetails>>> Consultations(Guid id, ClaimsPrincipal user, ImpactConsultations q, CancellationToken ct) =>
        await q.ListAsync(id, user.ToActor(), ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound();

    private static async Task<Results<Created<CreatedId>, NotFound<ProblemDetails>>> Review(Guid id, HttpRequest request, ClaimsPrincipal user, ImpactReviews cmd, CancellationToken ct) =>
        Made(id, await cmd.ConductAsync(id, ImpactReader.Review(await BodyAsync(request, ct)), user.ToActor(), ct));

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> SignOff(Guid id, HttpRequest request, ClaimsPrincipal user, ImpactReviews cmd, CancellationToken ct)
    {
        var body = await BodyAsync(request, ct);
        var input = new JsonInput();
        input.RejectUnknown(body, "", "review");
        var review = body.TryGetProperty("review", out var r) && r.ValueKind == JsonValueKind.String && Guid.TryParse(r.GetString(), out var g) ? g : (Guid?)null;
        if (review is null)
        {
            input.Error("review", "Required: the id of the review to sign off.");
        }

        input.ThrowIfAny();
        return await cmd.SignOffAsync(id, review!.Value, user.ToActor(), ct) ? TypedResults.NoContent() : Problems.NotFound();
    }

    private static async Task<Results<Created<CreatedId>, NotFound<ProblemDetails>>> AddBenchmark(Guid id, HttpRequest request, ClaimsPrincipal user, Benchmarks cmd, CancellationToken ct) =>
        Made(id, await cmd.CreateAsync(id, BenchmarkReader.Read(await BodyAsync(request, ct)), user.ToActor(), ct));

    private static async Task<Results<Ok<ReadingView>, NotFound<ProblemDetails>>> Reading(Guid id, ClaimsPrincipal user, Benchmarks cmd, CancellationToken ct) =>
        await cmd.TakeReadingAsync(id, user.ToActor(), ct) is { } reading ? TypedResults.Ok(reading) : Problems.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<Recomputation>>, NotFound<ProblemDetails>>> Recompute(Guid id, Benchmarks cmd, CancellationToken ct) =>
        await cmd.RecomputeAllAsync(id, ct) is { } all ? TypedResults.Ok(all) : Problems.NotFound();

    private static Results<Created<CreatedId>, NotFound<ProblemDetails>> Made(Guid assessment, Guid? id) =>
        id is { } made ? TypedResults.Created($"/api/v1/impact-assessments/{assessment}", new CreatedId(made)) : Problems.NotFound();
}
