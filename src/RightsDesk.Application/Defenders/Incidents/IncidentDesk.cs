using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Deadlines;
using RightsDesk.Data.Defenders;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Defenders.Incidents;

/// <summary>One row of the queue: no free text, so the list itself opens nothing sealed.</summary>
public sealed record IncidentRow(
    Guid Id, string Reference, string Severity, string Types, IncidentStatus Status, bool PhysicalDanger, bool NamesAtRiskPerson,
    string? Assignee, DateTimeOffset ReceivedAt, DateTimeOffset AcknowledgeBy, DateTimeOffset? AcknowledgedAt, DateTimeOffset ResolveBy)
{
    /// <summary>The trusted partner who flagged it; null for a report from the public channel.</summary>
    public Guid? PartnerId { get; init; }
}

public sealed record IncidentCase(
    IncidentRow Row, string Description, IReadOnlyList<string> Accounts, IReadOnlyList<string> Content, ContactChannel Contact,
    string? ContactAddress, bool RegistryRequested, string? Outcome, IReadOnlyList<IncidentThreadMessage> Messages);

/// <summary>
/// The desk's side of incidents: the queue ordered by what is due first, opening a case (ledgered), acknowledging it
/// (which stops its escalation), replying to the reporter from a template or in one's own words, and resolving it
/// with an outcome. Incident responders and the human rights lead act here.
/// </summary>
public sealed class IncidentDesk(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, Deadlines.Deadlines deadlines, PolicyProvider policy, TimeProvider clock)
{
    /// <summary>The queue: open incidents (null), or those in one state; unacknowledged first, then by severity, a
    /// trusted partner's flag before a report of the same severity (the DSA's priority for trusted flaggers), then by
    /// what is due.</summary>
    public async Task<IReadOnlyList<IncidentRow>> QueueAsync(IncidentStatus? state, CancellationToken ct)
    {
        var query = db.Incidents.AsNoTracking();
        query = state is { } only ? query.Where(i => i.Status == only) : query.Where(i => i.Status != IncidentStatus.Closed && i.Status != IncidentStatus.Resolved);
        var rows = await query.OrderByDescending(i => i.ReceivedAt).Take(500).ToListAsync(ct);
        return rows.Select(Row).OrderBy(r => r.AcknowledgedAt is null ? 0 : 1).ThenBy(r => r.Severity, StringComparer.Ordinal)
            .ThenBy(r => r.PartnerId is null ? 1 : 0)
            .ThenBy(r => r.AcknowledgedAt is null ? r.AcknowledgeBy : r.ResolveBy).ToList();
    }

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct) => db.Incidents.AnyAsync(i => i.Id == id, ct);

    public async Task<IncidentCase?> OpenAsync(Guid id, Actor by, CancellationToken ct)
    {
        var record = await db.Incidents.Include(i => i.Messages).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is null)
        {
            return null;
        }

        var key = cipher.Unwrap(record.WrappedKey);
        try
        {
            var report = JsonSerializer.Deserialize<SealedReport>(cipher.Decrypt(key, record.SealedReport, SealingContext.Incident(id, "report")), SubmitIncident.Json)!;
            var messages = record.Messages.OrderBy(m => m.At)
                .Select(m => new IncidentThreadMessage(m.Author, m.At, cipher.Decrypt(key, m.SealedText, SealingContext.Incident(id, "message:" + m.Id.ToString("N")))))
                .ToList();
            ledger.Record(new IncidentRead(messages.Count), by, id.ToString());
            await ledger.SaveAsync(ct);
            return new IncidentCase(Row(record), report.Description, report.Accounts, report.Content, record.Contact, report.ContactAddress,
                record.RegistryRequested, record.Outcome, messages);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>A responder takes the incident: it is acknowledged, assigned to them, and its escalation stops.</summary>
    public async Task<bool> AcknowledgeAsync(Guid id, Actor by, CancellationToken ct)
    {
        var record = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is null || record.Status != IncidentStatus.Received)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var level = Levels.Level(record.Severity);
        var minutes = (int)(now - record.ReceivedAt).TotalMinutes;
        record.Status = IncidentStatus.Acknowledged;
        record.AcknowledgedAt = now;
        record.Assignee = by.Name;
        Touch(record, now);
        await deadlines.MeetAsync(CaseKind.Incident, id, SubmitIncident.AcknowledgeStep(record.Severity), ct);
        ledger.Record(new IncidentAcknowledged(record.Severity, minutes, minutes <= level.AcknowledgeWithinMinutes), by, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>Writes to the reporter, shown when they next check with their receipt. A template's text is used
    /// when no text is given.</summary>
    public async Task<bool> ReplyAsync(Guid id, string? templateId, string? text, Actor by, CancellationToken ct)
    {
        var template = templateId is null ? null : Levels.Replies.FirstOrDefault(r => r.Id == templateId)
            ?? throw new WorkflowException("No reply template with that name.");
        var body = string.IsNullOrWhiteSpace(text) ? template?.Text : text.Trim();
        if (body is null)
        {
            throw new WorkflowException("Write a reply or choose a template.");
        }

        var record = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var message = new IncidentMessageRecord { Id = Guid.CreateVersion7(now), IncidentId = id, Author = IncidentAuthor.Desk, StaffName = by.Name, At = now };
        var key = cipher.Unwrap(record.WrappedKey);
        try
        {
            message.SealedText = cipher.Encrypt(key, body, SealingContext.Incident(id, "message:" + message.Id.ToString("N")));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        db.IncidentMessages.Add(message);
        if (record.Status == IncidentStatus.Acknowledged)
        {
            record.Status = IncidentStatus.InProgress;
        }

        Touch(record, now);
        ledger.Record(new IncidentReplied(message.Id, template?.Id, SubmitIncident.Sha256(body)), by, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    public async Task<bool> ResolveAsync(Guid id, string outcome, Actor by, CancellationToken ct)
    {
        if (!DefendersPolicy.Outcomes.Contains(outcome))
        {
            throw new WorkflowException("Outcome must be one of: " + string.Join(", ", DefendersPolicy.Outcomes) + ".");
        }

        var record = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is null || record.Status is IncidentStatus.Resolved or IncidentStatus.Closed)
        {
            return false;
        }

        if (record.Status == IncidentStatus.Received)
        {
            throw new WorkflowException("Acknowledge the incident before resolving it.");
        }

        var now = clock.GetUtcNow();
        var hours = (int)(now - record.ReceivedAt).TotalHours;
        record.Status = IncidentStatus.Resolved;
        record.ResolvedAt = now;
        record.Outcome = outcome;
        Touch(record, now);
        ledger.Record(new IncidentResolved(record.Severity, outcome, hours, hours <= Levels.Level(record.Severity).ResolveWithinHours), by, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    public IReadOnlyList<ReplyTemplate> Templates => Levels.Replies;

    private DefendersPolicy Levels => policy.Current.Defenders ?? throw new WorkflowException("The policy has no defenders.json.");

    private IncidentRow Row(IncidentRecord i)
    {
        var level = Levels.Level(i.Severity);
        return new IncidentRow(i.Id, i.Reference, i.Severity, i.Types, i.Status, i.PhysicalDanger, i.NamesAtRiskPerson, i.Assignee, i.ReceivedAt,
            i.ReceivedAt.AddMinutes(level.AcknowledgeWithinMinutes), i.AcknowledgedAt, i.ReceivedAt.AddHours(level.ResolveWithinHours)) { PartnerId = i.PartnerId };
    }

    private static void Touch(IncidentRecord record, DateTimeOffset now)
    {
        record.UpdatedAt = now;
        record.Version = Guid.CreateVersion7(now);
    }
}
