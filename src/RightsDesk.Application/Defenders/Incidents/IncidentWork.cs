using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Defenders;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Defenders.Incidents;

/// <summary>A person an incident can be given to: an enabled, enrolled staff account whose role handles incidents.</summary>
public sealed record Responder(string Id, string UserName, string DisplayName);

/// <summary>A link from an incident to a record of the platform, with what the desk shows for it.</summary>
public sealed record IncidentLinkView(IncidentLinkKind Kind, Guid Target, string Label, string By, DateTimeOffset At);

public sealed record IncidentActionView(IncidentAction Action, string By, DateTimeOffset At);

public sealed record IncidentAttachmentView(Guid Id, string ContentType, long Bytes, string CleanSha256, bool OriginalKept);

/// <summary>The desk's record of an incident beside its report: what was done, what it is linked to, its files.</summary>
public sealed record IncidentWorkView(
    IReadOnlyList<IncidentActionView> Actions, IReadOnlyList<IncidentLinkView> Links, IReadOnlyList<IncidentAttachmentView> Attachments);

/// <summary>
/// Working on an incident: assigning it, recording actions taken, and linking it to the demands and moderation
/// decisions it concerns. Each is a ledger event in the same transaction; none carries free text.
/// </summary>
public sealed class IncidentWork(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<IReadOnlyList<Responder>> RespondersAsync(CancellationToken ct)
    {
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.Kind == AccountKind.Staff && !u.Disabled && u.EnrolledAt != null
                          orderby u.UserName
                          select new { u.Id, u.UserName, u.DisplayName, Role = r.Name }).ToListAsync(ct);
        return rows.Where(r => r.Role is not null && Roles.Has(r.Role, Permission.IncidentManage))
            .Select(r => new Responder(r.Id, r.UserName ?? r.Id, r.DisplayName)).ToList();
    }

    /// <returns>false when there is no such incident.</returns>
    public async Task<bool> AssignAsync(Guid id, string responderId, Actor by, CancellationToken ct)
    {
        var record = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        var to = (await RespondersAsync(ct)).FirstOrDefault(r => string.Equals(r.Id, responderId, StringComparison.Ordinal))
            ?? throw new WorkflowException("Choose a responder: an enabled, enrolled account of an incident responder or the human rights lead.");
        if (record.Status is IncidentStatus.Resolved or IncidentStatus.Closed)
        {
            throw new WorkflowException("A resolved incident is not assigned again.");
        }

        var from = record.Assignee;
        record.Assignee = to.UserName;
        Touch(record);
        ledger.Record(new IncidentAssigned(to.UserName, to.Id, from), by, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    public async Task<bool> RecordActionAsync(Guid id, string? action, Actor by, CancellationToken ct)
    {
        if (!JsonNames.TryParse<IncidentAction>(action, out var parsed))
        {
            throw new WorkflowException("Choose the action taken.");
        }

        var record = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.IncidentActions.Add(new IncidentActionRecord { Id = Guid.CreateVersion7(now), IncidentId = id, Action = parsed, By = by.LedgerName, At = now });
        Touch(record);
        ledger.Record(new IncidentActionRecorded(parsed), by, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>Links a demand (by its reference, "RD-2026-000123", or id) or a moderation decision (by id).</summary>
    public async Task<bool> LinkAsync(Guid id, string? kind, string? target, Actor by, CancellationToken ct)
    {
        if (!JsonNames.TryParse<IncidentLinkKind>(kind, out var linkKind))
        {
            throw new WorkflowException("Choose what to link: a demand or a moderation decision.");
        }

        var record = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        var text = (target ?? "").Trim();
        var targetId = linkKind == IncidentLinkKind.Demand ? await DemandIdAsync(text, ct) : await DecisionIdAsync(text, ct);
        if (targetId is not { } found)
        {
            throw new WorkflowException(linkKind == IncidentLinkKind.Demand
                ? "No demand with that reference or id." : "No moderation decision with that id.");
        }

        if (await db.IncidentLinks.AnyAsync(l => l.IncidentId == id && l.Kind == linkKind && l.TargetId == found, ct))
        {
            return true;
        }

        var now = clock.GetUtcNow();
        db.IncidentLinks.Add(new IncidentLinkRecord { Id = Guid.CreateVersion7(now), IncidentId = id, Kind = linkKind, TargetId = found, By = by.LedgerName, At = now });
        Touch(record);
        ledger.Record(new IncidentLinked(linkKind, found), by, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    public async Task<IncidentWorkView> ViewAsync(Guid id, CancellationToken ct)
    {
        var actions = await db.IncidentActions.AsNoTracking().Where(a => a.IncidentId == id).OrderBy(a => a.At)
            .Select(a => new IncidentActionView(a.Action, a.By, a.At)).ToListAsync(ct);
        var links = await db.IncidentLinks.AsNoTracking().Where(l => l.IncidentId == id).OrderBy(l => l.At).ToListAsync(ct);
        var demandIds = links.Where(l => l.Kind == IncidentLinkKind.Demand).Select(l => l.TargetId).ToList();
        var references = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id)).Select(d => new { d.Id, d.Reference }).ToDictionaryAsync(d => d.Id, d => d.Reference, ct);
        var views = links.Select(l => new IncidentLinkView(l.Kind, l.TargetId,
            l.Kind == IncidentLinkKind.Demand ? references.GetValueOrDefault(l.TargetId) ?? l.TargetId.ToString() : "decision " + l.TargetId.ToString()[..8],
            l.By, l.At)).ToList();
        var files = await db.IncidentAttachments.AsNoTracking().Where(a => a.IncidentId == id).OrderBy(a => a.At)
            .Select(a => new IncidentAttachmentView(a.Id, a.ContentType, a.Bytes, a.CleanSha256, a.SealedOriginal != null)).ToListAsync(ct);
        return new IncidentWorkView(actions, views, files);
    }

    /// <summary>Opens an attachment's stripped copy, or its original where the reporter let it be kept; ledgered.</summary>
    /// <returns>null when there is no such attachment (or no original of it) on this incident.</returns>
    public async Task<(string ContentType, byte[] Content)?> OpenAttachmentAsync(Guid id, Guid attachmentId, bool original, Actor by, CancellationToken ct)
    {
        var file = await db.IncidentAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.IncidentId == id, ct);
        var wrapped = await db.Incidents.Where(i => i.Id == id).Select(i => i.WrappedKey).FirstOrDefaultAsync(ct);
        if (file is null || wrapped is null || (original && file.SealedOriginal is null))
        {
            return null;
        }

        var key = cipher.Unwrap(wrapped);
        try
        {
            var field = "attachment:" + attachmentId.ToString("N") + (original ? ":original" : ":clean");
            var content = cipher.DecryptBytes(key, original ? file.SealedOriginal! : file.SealedClean, SealingContext.Incident(id, field));
            ledger.Record(new IncidentAttachmentRead(attachmentId, original), by, id.ToString());
            await ledger.SaveAsync(ct);
            return (file.ContentType, content);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private async Task<Guid?> DemandIdAsync(string text, CancellationToken ct)
    {
        if (Guid.TryParse(text, out var guid))
        {
            return await db.Demands.AnyAsync(d => d.Id == guid, ct) ? guid : null;
        }

        var upper = text.ToUpperInvariant();
        return text.Length == 0 ? null : await db.Demands.Where(d => d.Reference == upper).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<Guid?> DecisionIdAsync(string text, CancellationToken ct) =>
        Guid.TryParse(text, out var guid) && await db.ModerationDecisions.AnyAsync(d => d.Id == guid, ct) ? guid : null;

    private void Touch(IncidentRecord record)
    {
        var now = clock.GetUtcNow();
        record.UpdatedAt = now;
        record.Version = Guid.CreateVersion7(now);
    }
}
