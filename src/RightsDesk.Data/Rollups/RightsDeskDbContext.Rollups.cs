using Microsoft.EntityFrameworkCore;

namespace RightsDesk.Data;

/// <summary>
/// Every save carries the rollups along: the changes to moderation decisions it holds become upserts in its own
/// transaction (the caller's, as the ledger writer opens one, or one opened here), so a decision and its count are
/// written together or not at all.
/// </summary>
public abstract partial class RightsDeskDbContext
{
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var deltas = Rollups.ModerationRollups.Deltas(ChangeTracker);
        if (deltas.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await Rollups.ModerationRollups.ApplyAsync(this, deltas, cancellationToken);
            return saved;
        }

        await using var tx = await Database.BeginTransactionAsync(cancellationToken);
        var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await Rollups.ModerationRollups.ApplyAsync(this, deltas, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return n;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var deltas = Rollups.ModerationRollups.Deltas(ChangeTracker);
        if (deltas.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        if (Database.CurrentTransaction is not null)
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            Rollups.ModerationRollups.Apply(this, deltas);
            return saved;
        }

        using var tx = Database.BeginTransaction();
        var n = base.SaveChanges(acceptAllChangesOnSuccess);
        Rollups.ModerationRollups.Apply(this, deltas);
        tx.Commit();
        return n;
    }
}
