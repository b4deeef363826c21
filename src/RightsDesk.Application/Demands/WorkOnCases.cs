using RightsDesk.Core.Ledger.Events;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Demands;

/// <summary>A staff member a case can be given to: an enabled, enrolled account whose role reads demands.</summary>
public sealed record Colleague(string Id, string UserName, string DisplayName, string Role)
{
    public Actor Actor => Actor.Person(Id, UserName);

    public bool ClearedForRestricted => Roles.Has(Role, Permission.DemandReadRestricted);
}

/// <summary>The people a case can be assigned to.</summary>
public sealed class Colleagues(DemandCases cases)
{
    public async Task<IReadOnlyList<Colleague>> ListAsync(CancellationToken ct)
    {
        var db = cases.Db;
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.Kind == AccountKind.Staff && !u.Disabled && u.EnrolledAt != null
                          orderby u.UserName
                          select new { u.Id, u.UserName, u.DisplayName, Role = r.Name }).ToListAsync(ct);
        return rows.Where(r => r.Role is not null && Roles.Has(r.Role, Permission.DemandRead))
            .Select(r => new Colleague(r.Id, r.UserName ?? r.Id, r.DisplayName, r.Role!)).ToList();
    }

    public async Task<Colleague?> FindAsync(string id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}

/// <summary>
/// Gives a case to a colleague (or to oneself). A restricted case goes only to someone cleared for restricted cases,
/// unless the human rights lead (who is cleared) decides otherwise: the assignment is then the need to know.
/// </summary>
public sealed class Assign(DemandCases cases, Colleagues colleagues)
{
    public async Task<Colleague> RunAsync(DemandRecord record, string assigneeId, Viewer by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(by);
        if (!by.Actor.IsPerson)
        {
            throw new WorkflowException("Only a person assigns a case.");
        }

        var to = await colleagues.FindAsync(assigneeId, ct)
            ?? throw new WorkflowException("Choose a colleague from the list: that account cannot take cases.");
        if (record.Restricted && !to.ClearedForRestricted && !by.Can(Permission.DemandReadRestricted))
        {
            throw new WorkflowException($"This case is restricted: {to.UserName} is not cleared for restricted cases. Only the human rights lead can give it to them.");
        }

        var from = record.AssignedTo;
        record.AssignedTo = to.UserName;
        record.AssignedToId = to.Id;
        record.UpdatedAt = cases.Now;
        record.Version = Guid.CreateVersion7(cases.Now);
        cases.Record(new DemandAssigned(to.UserName, to.Id, from, record.Restricted, record.Restricted && !to.ClearedForRestricted), by.Actor, record);
        await cases.SaveAsync(ct);
        return to;
    }
}

/// <summary>One internal note, opened.</summary>
public sealed record NoteView(DateTimeOffset At, string Author, string Text);

/// <summary>Internal notes on a case: staff only, sealed under the case's key, every one a ledger event.</summary>
public sealed class CaseNotes(DemandCases cases)
{
    public const int MaxLength = 4000;

    public async Task AddAsync(DemandRecord record, string? text, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(by);
        var note = text?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > MaxLength)
        {
            throw new WorkflowException($"Write the note (1 to {MaxLength} characters).");
        }

        if (!by.IsPerson)
        {
            throw new WorkflowException("Only a person writes a note.");
        }

        var now = cases.Now;
        var id = Guid.CreateVersion7(now);
        cases.Db.DemandNotes.Add(new DemandNote
        {
            Id = id, DemandId = record.Id, At = now, Author = by.LedgerName, AuthorId = by.Id,
            SealedText = cases.Sealing.Seal(cases.Sealing.Key(record), record.Id, "note:" + id.ToString("N"), note),
        });
        cases.Record(new DemandNoteAdded(id, note.Length), by, record);
        await cases.SaveAsync(ct);
    }

    /// <summary>The notes, oldest first. Reading them is part of reading the case (its DemandRead event).</summary>
    public async Task<IReadOnlyList<NoteView>> ListAsync(DemandRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var rows = await cases.Db.DemandNotes.AsNoTracking().Where(n => n.DemandId == record.Id).ToListAsync(ct);
        var key = cases.Sealing.Key(record);
        return rows.OrderBy(n => n.At).ThenBy(n => n.Id)
            .Select(n => new NoteView(n.At, n.Author, cases.Sealing.Open(key, record.Id, "note:" + n.Id.ToString("N"), n.SealedText))).ToList();
    }
}
