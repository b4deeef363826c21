using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Moderation;

/// <summary>
/// Ends time-bound measures on their date (the day after their last end date has passed, or that day itself: a
/// restriction "until 1 May" no longer applies on 1 May). Run by the host's worker on every cycle, as the system. A
/// measure in force is ended and the platform told by webhook; a held one that was never applied simply ends. Each
/// ending is ledgered. Several nodes may run it at once: the state is a concurrency token, so one wins each row.
/// </summary>
public sealed class EndMeasures(RightsDeskDbContext db, LedgerWriter ledger, PlatformInstructions instructions, TimeProvider clock)
{
    public static readonly Actor Job = Actor.System("moderation-end-dates");

    /// <returns>how many measures were ended.</returns>
    public async Task<int> RunAsync(int max, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var due = await db.ModerationDecisions
            .Where(r => (r.State == ModerationState.Active || r.State == ModerationState.Held) && r.EndsOn != null && r.EndsOn <= today)
            .OrderBy(r => r.EndsOn).Take(max).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        foreach (var record in due)
        {
            var wasInForce = record.State == ModerationState.Active;
            record.State = ModerationState.Ended;
            record.EndedAt = now;
            ledger.Record(new ModerationMeasureEnded(JsonNames.Of(record.Rung), record.EndsOn!.Value), Job, record.Id.ToString());
            if (wasInForce)
            {
                await instructions.EndedAsync(record, ct);
            }
        }

        try
        {
            await ledger.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node (or a person lifting one of them) moved a row first; the next cycle sees what is left.
            db.ChangeTracker.Clear();
            ledger.Discard();
            return 0;
        }

        return due.Count;
    }
}
