using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;
using RightsDesk.Data.Notices;
using RightsDesk.Data.Outbox;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Notices;

public sealed record OutboxView(Guid Id, string Topic, string? CorrelationId, Guid? NoticeId, OutboxChannel Channel, OutboxStatus Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>/api/v1/notices and the outbox (every message the product sends): what users are owed, what went, what is stuck.</summary>
public static class NoticesApi
{
    public static RouteGroupBuilder MapNoticesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notices").WithTags("Notices");
        g.MapGet("/", async (RightsDeskDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct, NoticeStatus? status = null, bool? due = null, int page = 1, int pageSize = 100) =>
        {
            page = Math.Max(1, page);
            pageSize = Math.Clamp(pageSize, 1, 500);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            // A restricted case's notices are listed only to those who may see the case: the list reveals that the case
            // exists, its plan and its dates, which is what the compartment hides.
            var q = NoticeBoard.Visible(db, http.User.ToViewer()).AsNoTracking();
            if (status is { } s) { q = q.Where(n => n.Status == s); }
            if (due == true) { q = NoticeBoard.Due(q, today); }
            var rows = await q.OrderBy(n => n.Earliest).ThenBy(n => n.Id).Skip(Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(n => new NoticeView(n.Id, n.DemandId, n.TargetIndex, n.Plan, n.Status, n.Earliest, n.ReviewAt, n.SentAt)).ToList());
        }).RequirePermission(Permission.NoticeRead).WithSummary("User notices, by status; due=true lists those to act on now (including gag orders up for review).");

        var o = api.MapGroup("/outbox").WithTags("Notices");
        o.MapGet("/", async (OutboxDesk desk, HttpContext http, CancellationToken ct, OutboxStatus? status = null) =>
        {
            var rows = await desk.ListAsync(http.User.ToViewer(), status, 500, ct);
            return TypedResults.Ok(rows.Select(m => new OutboxView(m.Id, m.Topic, m.CorrelationId, NoticeOf(m), m.Channel, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError)).ToList());
        }).RequirePermission(Permission.NoticeManage).WithSummary("Outbox messages; status=deadLetter lists the ones that gave up.");

        o.MapPost("/{id:guid}/retry", async Task<Results<NoContent, NotFound<ProblemDetails>>> (Guid id, OutboxDesk desk, HttpContext http, CancellationToken ct, string? reason = null) =>
            await desk.RetryAsync(id, reason ?? "Retried through the API.", http.User.ToViewer(), ct) ? TypedResults.NoContent() : Problems.NotFound())
            .RequirePermission(Permission.NoticeManage).WithSummary("Put a dead letter back in the queue once the cause is fixed (a ledger event, with the optional reason).");
        return api;
    }

    private static Guid? NoticeOf(OutboxRecord m) =>
        m.Topic == OutboxTopics.Notice && Guid.TryParse(m.SubjectId, out var id) ? id : null;
}
