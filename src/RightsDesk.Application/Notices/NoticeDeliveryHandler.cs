using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Notices;
using RightsDesk.Data.Outbox;

namespace RightsDesk.Application.Notices;

/// <summary>A notice reached the user (or will not): the notice and the ledger say so, in the outcome's transaction.</summary>
public sealed class NoticeDeliveryHandler(RightsDeskDbContext db, LedgerWriter ledger) : IOutboxTopicHandler
{
    public string Topic => OutboxTopics.Notice;

    public async Task DeliveredAsync(OutboxRecord message, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Guid.TryParse(message.SubjectId, out var noticeId) || await db.Notices.FirstOrDefaultAsync(n => n.Id == noticeId, ct) is not { } notice)
        {
            return;
        }

        if (notice.Status != NoticeStatus.Sent)
        {
            notice.Status = NoticeStatus.Sent;
            notice.SentAt = at;
        }

        var demand = await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == notice.DemandId, ct);
        ledger.Record(new NoticeDelivered(noticeId, JsonNames.Of(message.Channel), message.Attempts, notice.Plan, demand is null ? null : Demands.DemandCases.Dimensions(demand)),
            LedgerWriter.SystemActor, notice.DemandId.ToString());
    }

    public Task DeadLetteredAsync(OutboxRecord message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ledger.Record(new NoticeDeadLettered(message.LastError, Message: message.Id, Channel: JsonNames.Of(message.Channel)), LedgerWriter.SystemActor, message.SubjectId);
        return Task.CompletedTask;
    }
}
