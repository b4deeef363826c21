using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Demands;

/// <summary>/api/v1/demands: intake, the case, and each workflow step.</summary>
public static class DemandsApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapDemandsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/demands").WithTags("Demands");
        g.MapPost("/", Create).RequirePermission(Permission.DemandCreate).DisableAntiforgery().AcceptsDemandSubmission().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Submit a demand (JSON body, or multipart with a 'demand' JSON part and a 'document' file). Send an Idempotency-Key header to make retries safe.");
        g.MapGet("/", List).RequirePermission(Permission.DemandRead).WithSummary("List demands, newest first, with filters.");
        g.MapGet("/{id:guid}", Get).RequirePermission(Permission.DemandCreate, Permission.DemandRead).WithSummary("The whole case, or its status for the submitter.");
        g.MapPost("/{id:guid}/documents", AddDocument).RequirePermission(Permission.DemandCreate).DisableAntiforgery().AcceptsDocumentUpload().WithSummary("Attach the original document (multipart 'document').");
        g.MapGet("/{id:guid}/documents/{documentId:guid}", GetDocument).RequirePermission(Permission.DocumentRead).ProducesDocumentFile().WithSummary("Download an original document (recorded in the ledger).");
        g.MapPost("/{id:guid}/assess", Assess).RequirePermission(Permission.DemandAssess).WorkflowStep().WithSummary("Run the rights assessment again under the current policy.");
        g.MapPost("/{id:guid}/decision", Decide).RequirePermission(Permission.DemandDecide).WorkflowStep().WithSummary("Decide, with a reason when departing from the recommendation.");
        g.MapPost("/{id:guid}/approvals", Approve).RequirePermission(Permission.DemandApprove).WorkflowStep().WithSummary("Approve the current decision (four eyes: never your own).");
        g.MapPost("/{id:guid}/verification", Verify).RequirePermission(Permission.OfficialVerify).WorkflowStep().WithSummary("Record a call-back that confirmed the demand with the authority (who called which number, found where, who confirmed).");
        g.MapPost("/{id:guid}/send-back", SendBack).RequirePermission(Permission.DemandApprove).WorkflowStep().WithSummary("Send the decision back for another look, with a reason.");
        g.MapPost("/{id:guid}/fulfil", Fulfil).RequirePermission(Permission.DemandFulfil).WorkflowStep().WithSummary("Build the disclosure package from exactly what the decision authorises.");
        g.MapGet("/{id:guid}/packages/{packageId:guid}", GetPackage).RequirePermission(Permission.DemandFulfil).WithSummary("Read a disclosure package (recorded in the ledger).");
        g.MapPost("/{id:guid}/answer", Answer).RequirePermission(Permission.DemandAssess).WorkflowStep().WithSummary("The authority answered a clarification, verification or challenge: reopen and reassess.");
        g.MapPost("/{id:guid}/close", Close).RequirePermission(Permission.DemandDecide).WorkflowStep().WithSummary("Close the case.");
        g.MapPost("/{id:guid}/letters", DraftLetter).RequirePermission(Permission.DemandDecide).WorkflowStep().WithSummary("Draft the response letter to the authority for the current decision (stored with the case).");
        api.MapGet("/deadlines", Deadlines).RequirePermission(Permission.DemandRead).WithTags("Demands").WithSummary("Open demands due within the given hours (default 72) and those overdue, emergencies first.");
        return api;
    }

    private static async Task<Results<Created<DemandView>, Created<DemandStatusView>, Ok<DemandView>, Ok<DemandStatusView>, ProblemHttpResult>> Create(
        HttpRequest request, ClaimsPrincipal user, DemandCommands service, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > 100 })
        {
            return Problems.BadRequest("The Idempotency-Key header is at most 100 characters.");
        }

        var (body, upload) = await DemandUploads.ReadAsync(request, ct);
        var demand = DemandReader.Read(body);
        var created = await service.Create.RunAsync(new CreateDemand.Request(demand, body, upload, user.ToActor(), IntakeRoute.Api, idempotencyKey), ct);
        var (view, status) = await ViewFor(created.Record.Id, user, service, recordRead: false, ct);
        var location = $"/api/v1/demands/{created.Record.Id}";
        return (created.Replayed, view) switch
        {
            (true, { } v) => TypedResults.Ok(v),
            (true, null) => TypedResults.Ok(status),
            (false, { } v) => TypedResults.Created(location, v),
            (false, null) => TypedResults.Created(location, status),
        };
    }

    private static async Task<Ok<Paged<DemandSummary>>> List(
        RightsDeskDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct,
        DemandState? state = null, DemandKind? kind = null, string? country = null, string? authority = null,
        DateOnly? deadlineBefore = null, bool? overdue = null, string? assignee = null, int page = 1, int pageSize = 50)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var q = DemandQueries.Visible(db.Demands.AsNoTracking(), user.ToViewer());
        if (state is { } s) { q = q.Where(d => d.State == s); }
        if (kind is { } k) { q = q.Where(d => d.Kind == k); }
        if (!string.IsNullOrWhiteSpace(country)) { var c = country.Trim().ToUpperInvariant(); q = q.Where(d => d.AuthorityCountry == c); }
        if (!string.IsNullOrWhiteSpace(authority)) { var a = authority.Trim(); q = q.Where(d => d.AuthorityName.Contains(a)); }
        if (deadlineBefore is { } before) { q = q.Where(d => d.Deadline != null && d.Deadline <= before); }
        if (overdue == true) { q = q.Where(d => d.Deadline != null && d.Deadline < today && d.State != DemandState.Closed && d.State != DemandState.Fulfilled); }
        if (!string.IsNullOrWhiteSpace(assignee)) { q = q.Where(d => d.AssignedTo == assignee); }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Id).Skip(Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new Paged<DemandSummary>(rows.Select(r => DemandSummary.From(r, today)).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Ok<DemandView>, Ok<DemandStatusView>, NotFound<ProblemDetails>>> Get(Guid id, ClaimsPrincipal user, DemandCommands service, CancellationToken ct)
    {
        var (view, status) = await ViewFor(id, user, service, recordRead: true, ct);
        return (view, status) switch
        {
            ({ } v, _) => TypedResults.Ok(v),
            (null, { } s) => TypedResults.Ok(s),
            _ => Problems.NotFound(),
        };
    }

    private static async Task<Results<Created, NotFound<ProblemDetails>>> AddDocument(Guid id, HttpRequest request, ClaimsPrincipal user, DemandCommands service, CancellationToken ct)
    {
        var record = await service.Cases.FindAsync(id, ct);
        if (record is null || !DemandAccess.CanSee(user, record))
        {
            return Problems.NotFound();
        }

        var upload = await DemandUploads.ReadDocumentOnlyAsync(request, ct);
        await service.Documents.AddAsync(record, upload, user.ToActor(), ct);
        return TypedResults.Created($"/api/v1/demands/{id}");
    }

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> GetDocument(
        Guid id, Guid documentId, ClaimsPrincipal user, DemandCommands service, HttpResponse response, CancellationToken ct)
    {
        var record = await service.Cases.FindAsync(id, ct);
        if (record is null || !DemandAccess.CanSeeContents(user, record))
        {
            return Problems.NotFound();
        }

        var doc = await service.Documents.ReadAsync(id, documentId, user.ToActor(), ct);
        if (doc is not { } d)
        {
            return Problems.NotFound();
        }

        // The file name is set here rather than passed to TypedResults.File, which logs it at Information: a file
        // name can name the person a demand is about, which is why it is sealed at rest.
        response.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = d.FileName }.ToString();
        return TypedResults.File(d.Content, d.Record.ContentType);
    }

    private static Task<Results<Ok<DemandView>, NotFound<ProblemDetails>>> Assess(Guid id, ClaimsPrincipal user, DemandCommands service, CancellationToken ct) =>
        Act(id, user, service, Permission.DemandAssess, (r, s) => s.Assess.RunAsync(r, user.ToActor(), ct), ct);

    private static Task<Results<Ok<DemandView>, NotFound<ProblemDetails>>> Decide(Guid id, DecisionRequest body, ClaimsPrincipal user, DemandCommands service, CancellationToken ct)
    {
        if (body.Outcome is null)
        {
            throw new ValidationFailedException([new FieldError("outcome", "Required; one of: " + string.Join(", ", JsonNames.All<Core.Assessment.Recommendation>()) + ".")]);
        }

        if (body.Reason is { Length: > DemandReader.MaxLongText })
        {
            throw new ValidationFailedException([new FieldError("reason", $"At most {DemandReader.MaxLongText} characters.")]);
        }

        return Act(id, user, service, Permission.DemandDecide,
            (r, s) => s.Decide.RunAsync(r, new DecisionInput(body.Outcome.Value, body.Reason, body.DataCategories, body.Territories?.Select(t => t.ToUpperInvariant()).ToList()), user.ToActor(), ct), ct);
    }

    public const string StepUpHeader = "X-Step-Up-Code";

    /// <summary>
    /// Approving hands data over or restricts speech: a person approving through the API sends a fresh authenticator
    /// code in X-Step-Up-Code, exactly as the desk asks for one. Without it, or with a used or wrong code, 403.
    /// </summary>
    private static async Task<Results<Ok<DemandView>, NotFound<ProblemDetails>, ProblemHttpResult>> Approve(
        Guid id, ApprovalRequest? body, ClaimsPrincipal user, DemandCommands service, Accounts.DeskSignIn signIn,
        [FromHeader(Name = StepUpHeader)] string? stepUpCode, CancellationToken ct)
    {
        var record = await service.Cases.FindAsync(id, ct);
        if (record is null || !DemandAccess.CanAct(user, record, Permission.DemandApprove))
        {
            return Problems.NotFound();
        }

        if (string.IsNullOrWhiteSpace(stepUpCode) || stepUpCode.Length > 20)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A fresh authenticator code is required",
                detail: $"Approving needs the current code from the approver's authenticator app in the {StepUpHeader} header.");
        }

        if (!await signIn.StepUpAsync(user, stepUpCode, "approve", id.ToString(), ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The authenticator code was not accepted",
                detail: "The code is wrong, already used, or older than the last one accepted; wait for the next code and try again.");
        }

        await service.Approve.RunAsync(record, user.ToViewer(), Limit(body?.Comment, "comment"), ct);
        var (view, _) = await ViewFor(id, user, service, recordRead: false, ct);
        return TypedResults.Ok(view!);
    }

    /// <param name="ConfirmedEmail">An e-mail address the person on the call confirmed for letters (optional).</param>
    public sealed record VerificationRequest(string? CalledNumber, string? NumberSource, string? SpokeWith, string? Note, string? ConfirmedEmail = null);

    /// <summary>Staff called the authority back and it confirmed the demand: the record the authenticity finding accepts.</summary>
    private static Task<Results<Ok<DemandView>, NotFound<ProblemDetails>>> Verify(Guid id, VerificationRequest body, ClaimsPrincipal user, DemandCommands service, CancellationToken ct) =>
        Act(id, user, service, Permission.OfficialVerify, async (r, s) =>
        {
            await s.Verify.RunAsync(r, user.ToActor(), new RecordVerification.CallBack(body.CalledNumber ?? "", body.NumberSource ?? "", body.SpokeWith ?? "", body.Note, body.ConfirmedEmail), ct);
            return r.State;
        }, ct);

    private static Task<Results<Ok<DemandView>, NotFound<ProblemDetails>>> SendBack(Guid id, SendBackRequest body, ClaimsPrincipal user, DemandCommands service, CancellationToken ct)
    {
        var reason = Limit(body.Reason, "reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ValidationFailedException([new FieldError("reason", "Say why the decision goes back.")]);
        }

        return Act(id, user, service, Permission.DemandApprove, async (r, s) => { await s.SendBack.RunAsync(r, user.ToActor(), reason, ct); return r.State; }, ct);
    }

    private static Task<Results<Ok<DemandView>, NotFound<ProblemDetails>>> Fulfil(Guid id, ClaimsPrincipal user, DemandCommands service, CancellationToken ct) =>
        Act(id, user, service, Permission.DemandFulfil, async (r, s) => { var p = await s.Fulfil.RunAsync(r, user.ToActor(), ct); return new PackageView(p.Id, p.DecisionId, p.CreatedAt, p.ItemCount, p.ManifestSha256); }, ct);

    private static async Task<Results<Ok<Core.Fulfilment.DisclosurePackage>, NotFound<ProblemDetails>>> GetPackage(Guid id, Guid packageId, ClaimsPrincipal user, DemandCommands service, CancellationToken ct)
    {
        var record = await service.Cases.FindAsync(id, ct);
        if (record is null || !DemandAccess.CanAct(user, record, Permission.DemandFulfil))
        {
            return Problems.NotFound();
        }

        var package = await service.Fulfil.ReadAsync(record, packageId, user.ToActor(), ct);
        return package is null ? Problems.NotFound() : TypedResults.Ok(package);
    }

    private static Task<Results<Ok<DemandView>, NotFound<ProblemDetails>>> Answer(Guid id, NoteRequest? body, ClaimsPrincipal user, DemandCommands service, CancellationToken ct) =>
        Act(id, user, service, Permission.DemandAssess, async (r, s) => { await s.Answer.RunAsync(r, user.ToActor(), Limit(body?.Note, "note"), ct); return r.State; }, ct);

    private static Task<Results<Ok<DemandView>, NotFound<ProblemDetails>>> Close(Guid id, NoteRequest? body, ClaimsPrincipal user, DemandCommands service, CancellationToken ct) =>
        Act(id, user, service, Permission.DemandDecide, async (r, s) => { await s.Close.RunAsync(r, user.ToActor(), Limit(body?.Note, "note"), ct); return r.State; }, ct);

    public sealed record LetterRequest(string? Language);

    public sealed record LetterView(Guid Id, string Kind, string Language, string Subject, string Body);

    private static async Task<Results<Created<LetterView>, NotFound<ProblemDetails>>> DraftLetter(Guid id, LetterRequest? body, ClaimsPrincipal user, DemandCommands service, CancellationToken ct)
    {
        var record = await service.Cases.FindAsync(id, ct);
        if (record is null || !DemandAccess.CanAct(user, record, Permission.DemandDecide))
        {
            return Problems.NotFound();
        }

        var language = body?.Language is { Length: > 0 and <= 20 } l ? l : "en";
        var (row, letter) = await service.Letters.DraftAsync(record, language, user.ToActor(), ct);
        return TypedResults.Created($"/api/v1/demands/{id}/letters/{row.Id}", new LetterView(row.Id, row.Kind, row.Language, letter.Subject, letter.BodyMarkdown));
    }

    private static async Task<Ok<IReadOnlyList<DemandSummary>>> Deadlines(RightsDeskDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct, int hours = 72)
    {
        hours = Math.Clamp(hours, 1, 24 * 90);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var horizon = DateOnly.FromDateTime(now.AddHours(hours).UtcDateTime);
        var rows = await DemandQueries.Visible(db.Demands.AsNoTracking(), user.ToViewer())
            .Where(d => d.Deadline != null && d.Deadline <= horizon && d.State != DemandState.Closed && d.State != DemandState.Fulfilled)
            .OrderByDescending(d => d.Emergency).ThenBy(d => d.Deadline)
            .Take(500)
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<DemandSummary>>(rows.Select(r => DemandSummary.From(r, today)).ToList());
    }

    /// <summary>Lists never show what the reader may not open: compartmented cases are filtered in the query.</summary>
    private static async Task<Results<Ok<DemandView>, NotFound<ProblemDetails>>> Act<T>(
        Guid id, ClaimsPrincipal user, DemandCommands service, Permission permission, Func<Data.Demands.DemandRecord, DemandCommands, Task<T>> action, CancellationToken ct)
    {
        var record = await service.Cases.FindAsync(id, ct);
        if (record is null || !DemandAccess.CanAct(user, record, permission))
        {
            return Problems.NotFound();
        }

        await action(record, service);
        // CanAct implies CanSeeContents, so the actor gets the whole case back.
        var (view, _) = await ViewFor(id, user, service, recordRead: false, ct);
        return TypedResults.Ok(view!);
    }

    /// <summary>The whole case for those cleared to see its contents, its status for its submitter, or neither.</summary>
    private static async Task<(DemandView? View, DemandStatusView? Status)> ViewFor(Guid id, ClaimsPrincipal user, DemandCommands service, bool recordRead, CancellationToken ct)
    {
        var record = await service.Cases.FindAsync(id, ct);
        if (record is null || !DemandAccess.CanSee(user, record))
        {
            return (null, null);
        }

        if (!DemandAccess.CanSeeContents(user, record))
        {
            return (null, new DemandStatusView(record.Id, record.State, record.ReceivedAt, record.UpdatedAt));
        }

        if (recordRead)
        {
            await service.Read.RunAsync(record, user.ToActor(), ct);
        }

        return (await service.View.RunAsync(record, ct), null);
    }

    private static string? Limit(string? text, string field) =>
        text is { Length: > DemandReader.MaxLongText }
            ? throw new ValidationFailedException([new FieldError(field, $"At most {DemandReader.MaxLongText} characters.")])
            : text?.Trim();
}
