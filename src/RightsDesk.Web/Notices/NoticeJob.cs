using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Fulfilment;
using RightsDesk.Core.Letters;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Notices;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Notices;

/// <summary>
/// The clock-driven half of user notice: releases notices whose time has come, puts indefinite gag orders up for
/// review, and turns each due notice into outbox messages (an e-mail to the user where the platform has an address,
/// and a signed webhook so the platform can show it in the product).
/// </summary>
public sealed class NoticeJob(
    RightsDeskDbContext db,
    DemandCases demands,
    FieldCipher cipher,
    LedgerWriter ledger,
    PolicyProvider policies,
    IPlatformConnector connector,
    WebhookSender webhook,
    TimeProvider clock)
{
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
            ledger.Record(LedgerEventCode.NoticeQueued, "system", n.DemandId.ToString(), new Dictionary<string, string?> { ["notice"] = n.Id.ToString() });
        }

        var reviewDays = policies.Current.Operator.Notice.NonDisclosureReviewDays;
        var reviews = await db.Notices.Where(n => n.Status == NoticeStatus.Held && n.ReviewAt != null && n.ReviewAt <= today).ToListAsync(ct);
        foreach (var n in reviews)
        {
            ledger.Record(LedgerEventCode.NoticeReviewDue, "system", n.DemandId.ToString(), new Dictionary<string, string?>
            {
                ["notice"] = n.Id.ToString(), ["reviewAt"] = n.ReviewAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
            n.ReviewAt = today.AddDays(reviewDays);
        }

        await ledger.SaveAsync(ct);

        var due = await db.Notices
            .Where(n => n.Status == NoticeStatus.Queued && !db.Outbox.Any(m => m.NoticeId == n.Id))
            .Take(100)
            .ToListAsync(ct);
        foreach (var notice in due)
        {
            await ComposeAsync(notice, now, ct);
        }
    }

    private async Task ComposeAsync(NoticeRecord notice, DateTimeOffset now, CancellationToken ct)
    {
        var record = await db.Demands.AsNoTracking().FirstAsync(d => d.Id == notice.DemandId, ct);
        var demand = demands.Sealing.Demand(record);
        var assessment = demands.Sealing.Assessment(record) ?? throw new InvalidOperationException("A queued notice belongs to an assessed demand.");
        Decision? decision = null;
        if (await db.Decisions.AnyAsync(d => d.DemandId == record.Id && !d.Superseded, ct))
        {
            decision = (await demands.CurrentDecisionAsync(record, ct)).Decision;
        }

        var target = demand.Targets[notice.TargetIndex];
        var contact = await connector.ContactAsync(target, ct);
        var policy = policies.Current;
        var language = contact?.Language ?? "en";
        var model = NoticeModel.From(demand, assessment, decision?.Outcome ?? assessment.Recommendation, policy, DateOnly.FromDateTime(now.UtcDateTime),
            scope: decision is null ? null : new DecidedScope(decision.AuthorisedCategories, decision.AuthorisedTerritories));
        var text = NoticeComposer.Compose(policy, language, model);
        notice.Language = text.Language;

        if (contact?.Email is { } email)
        {
            Enqueue(notice, OutboxChannel.Email, JsonSerializer.Serialize(new EmailPayload(email, text.Subject, text.BodyMarkdown), JsonNames.Options), now);
        }

        if (webhook.Configured)
        {
            var body = JsonSerializer.Serialize(new
            {
                @event = "notice.due",
                notice = notice.Id,
                demand = record.Id,
                target = new { type = JsonNames.Of(target.Type), id = target.Id },
                language = text.Language,
                subject = text.Subject,
                body = text.BodyMarkdown,
            }, JsonNames.Options);
            Enqueue(notice, OutboxChannel.Webhook, JsonSerializer.Serialize(new WebhookPayload("notice.due", body), JsonNames.Options), now);
        }

        if (contact?.Email is null && !webhook.Configured)
        {
            // Nowhere to send it: keep it visible as undeliverable rather than pretending it went.
            var id = Guid.CreateVersion7(now);
            db.Outbox.Add(new OutboxMessage
            {
                Id = id, NoticeId = notice.Id, Channel = OutboxChannel.Email, IdempotencyKey = $"notice-{notice.Id:N}-none",
                Status = OutboxStatus.DeadLetter, CreatedAt = now, NextAttemptAt = now,
                LastError = "No e-mail address from the connector and no webhook configured.",
            });
            ledger.Record(LedgerEventCode.NoticeDeadLettered, "system", notice.DemandId.ToString(), new Dictionary<string, string?> { ["notice"] = notice.Id.ToString(), ["error"] = "no channel" });
        }

        await ledger.SaveAsync(ct);
    }

    private void Enqueue(NoticeRecord notice, OutboxChannel channel, string payload, DateTimeOffset now)
    {
        var (dek, wrapped) = cipher.NewDataKey();
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            NoticeId = notice.Id,
            Channel = channel,
            IdempotencyKey = $"notice-{notice.Id:N}-{JsonNames.Of(channel)}",
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            WrappedKey = wrapped,
        };
        message.SealedPayload = cipher.Encrypt(dek, payload, OutboxProcessor.Context(message));
        db.Outbox.Add(message);
    }
}
