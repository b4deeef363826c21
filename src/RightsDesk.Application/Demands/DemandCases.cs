using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Common;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Demands;

/// <summary>
/// What every demand command shares: loading a case, its current decision, recording a step of its history, and
/// saving the change with its ledger events in one transaction.
/// </summary>
public sealed class DemandCases(RightsDeskDbContext db, DemandSealing sealing, LedgerWriter ledger, TimeProvider clock)
{
    public RightsDeskDbContext Db => db;

    public LedgerWriter Ledger => ledger;

    public DemandSealing Sealing => sealing;

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<DemandRecord?> FindAsync(Guid id, CancellationToken ct) =>
        db.Demands.Include(d => d.Steps).FirstOrDefaultAsync(d => d.Id == id, ct);

    public async Task<(DecisionRecord Row, Decision Decision)?> CurrentDecisionOrNullAsync(DemandRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = await db.Decisions.Include(d => d.Approvals)
            .Where(d => d.DemandId == record.Id && !d.Superseded)
            .OrderByDescending(d => d.DecidedAt)
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row, sealing.Decision(record, row));
    }

    public async Task<(DecisionRecord Row, Decision Decision)> CurrentDecisionAsync(DemandRecord record, CancellationToken ct) =>
        await CurrentDecisionOrNullAsync(record, ct) ?? throw new WorkflowException("The demand has no decision yet.");

    /// <summary>The outcome the kernel's transitions depend on, if the case has a standing decision.</summary>
    public async Task<Recommendation?> DecidedOutcomeAsync(DemandRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        return await db.Decisions.Where(d => d.DemandId == record.Id && !d.Superseded)
            .OrderByDescending(d => d.DecidedAt).Select(d => (Recommendation?)d.Outcome).FirstOrDefaultAsync(ct);
    }

    /// <summary>Records one step of the case's history and moves it to its next state.</summary>
    public void Step(DemandRecord record, WorkflowAction action, Actor actor, DateTimeOffset at, string? note, DemandState? to = null, Recommendation? decided = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(actor);
        // Millisecond precision survives both engines, so the note's encryption context can be rebuilt from the row.
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var from = record.State;
        var next = to ?? Workflow.Next(from, action, decided);
        var step = new DemandStep { DemandId = record.Id, At = at, Actor = actor.LedgerName, Action = action, From = from, To = next };
        step.SealedNote = note is null ? null : sealing.Seal(sealing.Key(record), record.Id, "step:" + at.UtcTicks, note);
        record.Steps.Add(step);
        record.State = next;
        record.UpdatedAt = at;
        record.Version = Guid.CreateVersion7(at);
    }

    /// <summary>Records an event about the case (its subject).</summary>
    public void Record(ILedgerEvent e, Actor actor, DemandRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ledger.Record(e, actor, record.Id.ToString());
    }

    /// <summary>What a transparency report counts about the case, from its columns in clear.</summary>
    public static DemandDimensions Dimensions(DemandRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DemandDimensions(record.Kind, record.AuthorityCountry, record.AuthorityType, record.LegalProcess, record.Emergency,
            DateOnly.FromDateTime(record.ReceivedAt.UtcDateTime));
    }

    /// <summary>Saves the case and its ledger events together; a concurrent change is a conflict the person can act on.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await ledger.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed this demand at the same time; reload it and try again.");
        }
    }
}
