using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;

namespace RightsDesk.Data.Ledger;

/// <summary>
/// Collects the ledger events of one unit of work and commits them with it: the state change and its event are
/// saved in one transaction, or neither is. Sequence numbers are gap-free; appends are serialised (a process lock,
/// and on PostgreSQL a transaction-scoped advisory lock, so several app nodes can share one database). The demand
/// rollup, when the application registers one, is refreshed for the cases the save touched in the same transaction.
/// </summary>
public sealed class LedgerWriter(RightsDeskDbContext db, TimeProvider clock, Rollups.IDemandRollup? demandRollup = null)
{
    /// <summary>The actor of what the product does on its own (notice jobs, deliveries), as the ledger has always named it.</summary>
    public const string SystemActor = "system";

    /// <summary>The actor of what someone did before signing in (registering, a failed sign-in).</summary>
    public const string AnonymousActor = "anonymous";

    /// <summary>The PostgreSQL advisory lock every ledgered save holds; a rollup rebuild takes it to keep writers off.</summary>
    public const long AdvisoryLockKey = 6962;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private readonly List<(LedgerEventCode Code, string Actor, string? Subject, IReadOnlyDictionary<string, string?> Fields)> _pending = [];

    /// <summary>Adds an event to the unit of work, to be saved by <see cref="SaveAsync"/>.</summary>
    /// <param name="actor">The actor's ledger name (a person's account name, "system", "anonymous", "console:user").</param>
    public void Record(ILedgerEvent e, string actor, string? subject)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        _pending.Add((e.Code, actor, subject, LedgerFields.Of(e)));
    }

    /// <summary>Drops the events recorded since the last save, when the unit of work they belong to was abandoned.</summary>
    public void Discard() => _pending.Clear();

    public void Record(ILedgerEvent e, Actor actor, string? subject)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Record(e, actor.LedgerName, subject);
    }

    /// <summary>Saves the pending entity changes and ledger events together.</summary>
    public async Task SaveAsync(CancellationToken ct = default) =>
        await CommitAsync(async events =>
        {
            db.LedgerEvents.AddRange(events);
            await db.SaveChangesAsync(ct);
        }, ct);

    /// <summary>
    /// Saves new rows of one entity type with the pending events and any other pending change, in one transaction as
    /// <see cref="SaveAsync"/> does, for a unit of work of thousands of new rows (a batch of moderation decisions).
    /// The rows and events bypass EF's per-entity bookkeeping: on SQLite through prepared inserts
    /// (<see cref="Bulk.PreparedInsert"/>; a SaveChanges batch there parses one INSERT per row, which was most of a
    /// batch's time), on PostgreSQL through one binary COPY each (<see cref="Bulk.PostgresCopy"/>).
    /// </summary>
    public async Task SaveNewAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        await CommitAsync(async events =>
        {
            if (db.Engine == DatabaseEngine.Sqlite)
            {
                await Bulk.PreparedInsert.InsertAsync(db, rows, ct);
                await Bulk.PreparedInsert.InsertAsync(db, events, ct);
            }
            else
            {
                await Bulk.PostgresCopy.InsertAsync(db, rows, ct);
                await Bulk.PostgresCopy.InsertAsync(db, events, ct);
            }

            // The bulk rows bypass the change tracker, so the rollups the context keeps on every save are counted
            // here, in the same transaction.
            if (rows is IReadOnlyCollection<Moderation.ModerationDecisionRecord> decisions)
            {
                await Rollups.ModerationRollups.ApplyPreparedAsync(db, Rollups.ModerationRollups.DeltasOf(decisions), ct);
            }

            await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>Under the ledger's lock and in one transaction: numbers the pending events from the next free seq,
    /// has <paramref name="write"/> store them with the unit of work's changes, and commits.</summary>
    private async Task CommitAsync(Func<List<LedgerEventRecord>, Task> write, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                if (db.Engine == DatabaseEngine.Postgres)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
                }

                // Under the same lock: a new demand's reference number is the year's next one.
                await Demands.DemandReferences.AssignNewAsync(db, ct);
                var next = (await db.LedgerEvents.MaxAsync(e => (long?)e.Seq, ct) ?? -1) + 1;
                var at = clock.GetUtcNow();
                var events = new List<LedgerEventRecord>(_pending.Count);
                // The salts of the whole unit drawn at once: one call to the generator under the lock, not one per event.
                var salts = RandomNumberGenerator.GetBytes(SaltSize * _pending.Count);
                for (var i = 0; i < _pending.Count; i++)
                {
                    var (code, actor, subject, fields) = _pending[i];
                    events.Add(Build(next++, code, at, actor, subject, fields, salts.AsSpan(i * SaltSize, SaltSize).ToArray()));
                }

                // Read before the save, which marks every entry unchanged; refreshed after it, so the records are
                // computed from what this transaction stored.
                var touched = demandRollup is null ? null : Rollups.DemandRollups.Touched(db);
                await write(events);
                if (touched is { Count: > 0 })
                {
                    await demandRollup!.RefreshAsync(db, touched, ct);
                }

                await tx.CommitAsync(ct);
            });
            _pending.Clear();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The bytes of random salt before each leaf's data, so a leaf of a guessable event cannot be confirmed
    /// by hashing guesses.</summary>
    public const int SaltSize = 16;

    public static LedgerEventRecord Build(long seq, LedgerEventCode code, DateTimeOffset at, string actor, string? subject, IReadOnlyDictionary<string, string?> fields) =>
        Build(seq, code, at, actor, subject, fields, RandomNumberGenerator.GetBytes(SaltSize));

    /// <param name="salt">the event's own <see cref="SaltSize"/> random bytes.</param>
    private static LedgerEventRecord Build(long seq, LedgerEventCode code, DateTimeOffset at, string actor, string? subject, IReadOnlyDictionary<string, string?> fields, byte[] salt)
    {
        // Millisecond precision: what both engines store exactly, so the leaf can be recomputed from the row.
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var data = LedgerCanonical.Serialise(seq, (int)code, at, actor, subject, fields);
        return new LedgerEventRecord
        {
            Seq = seq, Code = (int)code, At = at, Actor = actor, SubjectId = subject, Data = data, Salt = salt,
            LeafHash = LeafHash(salt, data),
        };
    }

    /// <summary>RFC 6962 leaf hash over salt || data.</summary>
    public static byte[] LeafHash(byte[] salt, string data)
    {
        var bytes = Encoding.UTF8.GetBytes(data);
        var input = new byte[1 + salt.Length + bytes.Length];
        salt.CopyTo(input, 1);
        bytes.CopyTo(input, 1 + salt.Length);
        return SHA256.HashData(input);
    }
}
