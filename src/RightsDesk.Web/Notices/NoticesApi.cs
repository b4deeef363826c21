using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Security;
using RightsDesk.Data;
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
        g.MapGet("/", async (RightsDeskDbContext db, TimeProvider clock, CancellationToken ct, NoticeStatus? status = null, bool? due = null, int page = 1, int pageSize = 100) =>
        {
            page = Math.Max(1, page);
            pageSize = Math.Clamp(pageSize, 1, 500);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var q = db.Notices.AsNoTracking();
            // Restricted cases' notices stay visible here: they carry no identifiers, and a missed notice is worse.
            if (status is { } s) { q = q.Where(n => n.Status == s); }
            if (due == true) { q = q.Where(n => (n.Status == NoticeStatus.Planned && n.Earliest != null && n.Earliest <= today) || (n.Status == NoticeStatus.Held && n.ReviewAt != null && n.ReviewAt <= today) || n.Status == NoticeStatus.Queued); }
            var rows = await q.OrderBy(n => n.Earliest).ThenBy(n => n.Id).Skip(Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(n => new NoticeView(n.Id, n.DemandId, n.TargetIndex, n.Plan, n.Status, n.Earliest, n.ReviewAt, n.SentAt)).ToList());
        }).RequirePermission(Permission.NoticeRead).WithSummary("User notices, by status; due=true lists those to act on now (including gag orders up for review).");

        var o = api.MapGroup("/outbox").WithTags("Notices");
        o.MapGet("/", async (RightsDeskDbContext db, CancellationToken ct, OutboxStatus? status = null) =>
        {
            var q = db.Outbox.AsNoTracking();
            if (status is { } s) { q = q.Where(m => m.Status == s); }
            var rows = await q.OrderByDescending(m => m.CreatedAt).Take(500).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(m => new OutboxView(m.Id, m.Topic, m.CorrelationId, NoticeOf(m), m.Channel, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError)).ToList());
        }).RequirePermission(Permission.NoticeManage).WithSummary("Outbox messages; status=deadLetter lists the ones that gave up.");

        o.MapPost("/{id:guid}/retry", async Task<Results<NoContent, NotFound<ProblemDetails>>> (Guid id, RightsDeskDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var m = await db.Outbox.FirstOrDefaultAsync(x => x.Id == id && x.Status == OutboxStatus.DeadLetter && x.SealedPayload.Length > 0, ct);
            if (m is null)
            {
                return Problems.NotFound();
            }

            m.Status = OutboxStatus.Pending;
            m.Attempts = 0;
            m.NextAttemptAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).RequirePermission(Permission.NoticeManage).WithSummary("Put a dead letter back in the queue once the cause is fixed.");
        return api;
    }

    private static Guid? NoticeOf(OutboxRecord m) =>
        m.Topic == OutboxTopics.Notice && Guid.TryParse(m.SubjectId, out var id) ? id : null;
}
