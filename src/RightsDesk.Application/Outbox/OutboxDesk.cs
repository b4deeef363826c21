using RightsDesk.Core.Ledger.Events;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Cases;
using RightsDesk.Core;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Outbox;

namespace RightsDesk.Application.Outbox;

/// <summary>
/// The outbox as staff work it: what is waiting, what went, what gave up; a dead letter retried once its cause is
/// fixed, a message cancelled that must not go. Each act is a ledger event with the person's reason. Messages of a
/// case the viewer may not see are left out of every list and refused as "not found".
/// </summary>
public sealed class OutboxDesk(RightsDeskDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    public const int MaxReason = 1000;

    /// <summary>The messages the viewer may see. Restricted cases are few, so their hidden ids are listed and excluded
    /// (the correlation id is text, the demand's id a uuid: a join would need a cast each engine spells differently).</summary>
    public async Task<IQueryable<OutboxRecord>> VisibleAsync(Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var hidden = await HiddenCasesAsync(viewer, ct);
        return db.Outbox.Where(m => m.CorrelationId == null || !hidden.Contains(m.CorrelationId));
    }

    public async Task<IReadOnlyList<OutboxRecord>> ListAsync(Viewer viewer, OutboxStatus? status, int take, CancellationToken ct, Guid? demandId = null)
    {
        var q = (await VisibleAsync(viewer, ct)).AsNoTracking();
        if (demandId is { } d)
        {
            var correlation = d.ToString();
            q = q.Where(m => m.CorrelationId == correlation);
        }

        if (status is { } s)
        {
            q = q.Where(m => m.Status == s);
        }

        return await q.OrderByDescending(m => m.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountAsync(Viewer viewer, CancellationToken ct) =>
        await (await VisibleAsync(viewer, ct)).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>Puts a dead letter back in the queue. False when there is no such message in sight, or it cannot be
    /// retried (it has no payload: there was nowhere to send it).</summary>
    public async Task<bool> RetryAsync(Guid id, string reason, Viewer viewer, CancellationToken ct)
    {
        var text = Reason(reason);
        var m = await (await VisibleAsync(viewer, ct)).FirstOrDefaultAsync(x => x.Id == id && x.Status == OutboxStatus.DeadLetter, ct);
        if (m is null || m.SealedPayload.Length == 0)
        {
            return false;
        }

        m.Status = OutboxStatus.Pending;
        m.Attempts = 0;
        m.NextAttemptAt = clock.GetUtcNow();
        m.LastError = Clip("Retried by staff: " + text);
        ledger.Record(new OutboxRetried(m.Id, m.Topic, m.SubjectId, Sha256(text)), viewer.Actor, m.CorrelationId ?? m.Id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>Stops a message that is waiting or dead. A sent message is history and cannot be cancelled.</summary>
    public async Task<bool> CancelAsync(Guid id, string reason, Viewer viewer, CancellationToken ct)
    {
        var text = Reason(reason);
        var m = await (await VisibleAsync(viewer, ct)).FirstOrDefaultAsync(x => x.Id == id && (x.Status == OutboxStatus.Pending || x.Status == OutboxStatus.DeadLetter), ct);
        if (m is null)
        {
            return false;
        }

        m.Status = OutboxStatus.Cancelled;
        m.LockedBy = null;
        m.LockedUntil = null;
        m.LastError = Clip("Cancelled by staff: " + text);
        ledger.Record(new OutboxCancelled(m.Id, m.Topic, m.SubjectId, Sha256(text)), viewer.Actor, m.CorrelationId ?? m.Id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    // The reason is kept with the message (the outbox page shows it), cut to the column's length.
    private static string Clip(string text) => text.Length <= 500 ? text : text[..500];

    private static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static string Reason(string? reason)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new ValidationFailedException([new FieldError("reason", "Say why: the reason goes into the ledger.")]);
        }

        return text.Length <= MaxReason ? text : throw new ValidationFailedException([new FieldError("reason", $"At most {MaxReason} characters.")]);
    }

    private async Task<List<string>> HiddenCasesAsync(Viewer viewer, CancellationToken ct)
    {
        var restricted = await db.Demands.AsNoTracking().Where(d => d.Restricted)
            .Select(d => new { d.Id, d.Restricted, d.AssignedToId, d.AssignedTo, d.CreatedById, d.CreatedBy }).ToListAsync(ct);
        return restricted
            .Where(d => !Compartments.CanSeeContents(viewer, new CaseAccess(d.Restricted, d.AssignedToId, d.AssignedTo, d.CreatedById, d.CreatedBy)))
            .Select(d => d.Id.ToString()).ToList();
    }
}
