using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
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

        ledger.Record(LedgerEventCode.NoticeDelivered, "system", notice.DemandId.ToString(), new Dictionary<string, string?>
        {
            ["notice"] = noticeId.ToString(), ["channel"] = JsonNames.Of(message.Channel), ["attempts"] = message.Attempts.ToString(CultureInfo.InvariantCulture),
        });
    }

    public Task DeadLetteredAsync(OutboxRecord message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ledger.Record(LedgerEventCode.NoticeDeadLettered, "system", message.SubjectId, new Dictionary<string, string?>
        {
            ["message"] = message.Id.ToString(), ["channel"] = JsonNames.Of(message.Channel), ["error"] = message.LastError,
        });
        return Task.CompletedTask;
    }
}
