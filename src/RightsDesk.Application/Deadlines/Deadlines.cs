using Microsoft.EntityFrameworkCore;
using RightsDesk.Data;
using RightsDesk.Data.Deadlines;

namespace RightsDesk.Application.Deadlines;

/// <summary>
/// Sets and meets the deadlines of case steps in the caller's unit of work: the deadline is saved with the change
/// that gave rise to it (a demand's intake, say), or not at all.
/// </summary>
public sealed class Deadlines(RightsDeskDbContext db, TimeProvider clock)
{
    public const int MaxStep = 64;

    /// <summary>A response date given as a day (a demand's deadline) is met until that day ends, in UTC.</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Sets (or moves) the deadline of one step. Moving it starts its reminders again from the first step.</summary>
    public async Task<DeadlineRecord> SetAsync(CaseKind kind, Guid caseId, string step, DateTimeOffset dueAt, string? assignee, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step.Length, MaxStep);
        var record = await FindAsync(kind, caseId, step, ct);
        if (record is null)
        {
            record = new DeadlineRecord { Id = Guid.CreateVersion7(clock.GetUtcNow()), CaseKind = kind, CaseId = caseId, Step = step, CreatedAt = clock.GetUtcNow() };
            db.Deadlines.Add(record);
        }
        else if (record.DueAt != dueAt)
        {
            record.RemindersSent = 0;
            record.MetAt = null;
        }

        record.DueAt = dueAt;
        record.Assignee = assignee;
        return record;
    }

    /// <summary>The assignee changed: reminders still to come go to the new one.</summary>
    public async Task AssignAsync(CaseKind kind, Guid caseId, string? assignee, CancellationToken ct)
    {
        foreach (var d in await db.Deadlines.Where(d => d.CaseKind == kind && d.CaseId == caseId && d.MetAt == null).ToListAsync(ct))
        {
            d.Assignee = assignee;
        }
    }

    /// <summary>The step is done: no more reminders. False if there was no open deadline for it.</summary>
    public async Task<bool> MeetAsync(CaseKind kind, Guid caseId, string step, CancellationToken ct)
    {
        var record = await FindAsync(kind, caseId, step, ct);
        if (record is null || record.MetAt is not null)
        {
            return false;
        }

        record.MetAt = clock.GetUtcNow();
        return true;
    }

    private async Task<DeadlineRecord?> FindAsync(CaseKind kind, Guid caseId, string step, CancellationToken ct) =>
        db.Deadlines.Local.FirstOrDefault(d => d.CaseKind == kind && d.CaseId == caseId && d.Step == step)
        ?? await db.Deadlines.FirstOrDefaultAsync(d => d.CaseKind == kind && d.CaseId == caseId && d.Step == step, ct);
}
