using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Fulfilment;
using RightsDesk.Core.Letters;
using RightsDesk.Core.Policy;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Notices;
using RightsDesk.Data.Outbox;

namespace RightsDesk.Application.Notices;

/// <summary>A demand as the notice needs it: opened, with its assessment and the decision in force.</summary>
public sealed record NoticeCase(Demand Demand, AssessmentResult Assessment, Decision? Decision);

/// <summary>What the notice job needs from the rest of the product: the policy in force and the opened case.</summary>
public interface INoticeSources
{
    PolicySet Policy { get; }

    Task<NoticeCase> OpenCaseAsync(Guid demandId, CancellationToken ct);
}

/// <summary>
/// The clock-driven half of user notice: releases notices whose time has come, puts indefinite gag orders up for
/// review, and turns each due notice into outbox messages (an e-mail to the user where the platform has an address,
/// and a signed webhook so the platform can show it in the product).
/// </summary>
public sealed class NoticeJob(
    RightsDeskDbContext db,
    INoticeSources sources,
    IOutbox outbox,
    IEnumerable<IOutboxTransport> transports,
    LedgerWriter ledger,
    IPlatformConnector connector,
    TimeProvider clock)
{
    public static string IdempotencyKey(Guid noticeId) => $"notice:{noticeId:N}";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        // Notices that waited for a gag order or an emergency to pass, on cases where something was disclosed.
        var released = await db.Notices
            .Where(n => n.Status == NoticeStatus.Planned && n.Earliest != null && n.Earliest <= today
                && (n.Plan == NoticePlan.AfterNonDisclosure || n.Plan == NoticePlan.AfterEmergency)
                && db.DisclosurePackages.Any(p => p.DemandId == n.DemandId))
            .ToListAsync(ct);
        foreach (var n in released)
        {
            n.Status = NoticeStatus.Queued;
            n.QueuedAt = now;
            ledger.Record(new NoticeQueued(n.Id), LedgerWriter.SystemActor, n.DemandId.ToString());
        }

        var reviewDays = sources.Policy.Operator.Notice.NonDisclosureReviewDays;
        var reviews = await db.Notices.Where(n => n.Status == NoticeStatus.Held && n.ReviewAt != null && n.ReviewAt <= today).ToListAsync(ct);
        foreach (var n in reviews)
        {
            ledger.Record(new NoticeReviewDue(n.Id, n.ReviewAt!.Value), LedgerWriter.SystemActor, n.DemandId.ToString());
            n.ReviewAt = today.AddDays(reviewDays);
        }

        await ledger.SaveAsync(ct);

        var due = await db.Notices.Where(n => n.Status == NoticeStatus.Queued && n.ComposedAt == null).Take(100).ToListAsync(ct);
        foreach (var notice in due)
        {
            await ComposeAsync(notice, now, ct);
        }
    }

    private async Task ComposeAsync(NoticeRecord notice, DateTimeOffset now, CancellationToken ct)
    {
        var (demand, assessment, decision) = await sources.OpenCaseAsync(notice.DemandId, ct);
        var target = demand.Targets[notice.TargetIndex];
        var contact = await connector.ContactAsync(target, ct);
        var policy = sources.Policy;
        var language = contact?.Language ?? "en";
        var model = NoticeModel.From(demand, assessment, decision?.Outcome ?? assessment.Recommendation, policy, DateOnly.FromDateTime(now.UtcDateTime),
            scope: decision is null ? null : new DecidedScope(decision.AuthorisedCategories, decision.AuthorisedTerritories));
        var text = NoticeComposer.Compose(policy, language, model);
        notice.Language = text.Language;
        notice.ComposedAt = now;

        var key = IdempotencyKey(notice.Id);
        var webhookReady = transports.Any(t => t.Channel == OutboxChannel.Webhook && t.Unavailable is null);
        if (contact?.Email is { } email)
        {
            await outbox.EnqueueAsync(Addressed(OutboxMessage.Email(OutboxTopics.Notice, key, new EmailPayload(email, text.Subject, text.BodyMarkdown)), notice), ct);
        }

        if (webhookReady)
        {
            var body = JsonSerializer.Serialize(new
            {
                @event = "notice.due",
                notice = notice.Id,
                demand = notice.DemandId,
                target = new { type = JsonNames.Of(target.Type), id = target.Id },
                language = text.Language,
                subject = text.Subject,
                body = text.BodyMarkdown,
            }, JsonNames.Options);
            await outbox.EnqueueAsync(Addressed(OutboxMessage.Webhook(OutboxTopics.Notice, key, new WebhookPayload("notice.due", body)), notice), ct);
        }

        if (contact?.Email is null && !webhookReady)
        {
            // Nowhere to send it: keep it visible as undeliverable rather than pretending it went.
            await outbox.EnqueueAsync(Addressed(OutboxMessage.Email(OutboxTopics.Notice, key, new EmailPayload("", "", "")), notice) with
            {
                Undeliverable = "No e-mail address from the connector and no webhook configured.",
            }, ct);
            ledger.Record(new NoticeDeadLettered("no channel", Notice: notice.Id), LedgerWriter.SystemActor, notice.DemandId.ToString());
        }

        await ledger.SaveAsync(ct);
    }

    private static OutboxMessage Addressed(OutboxMessage message, NoticeRecord notice) =>
        message with { CorrelationId = notice.DemandId.ToString(), SubjectId = notice.Id.ToString() };
}
