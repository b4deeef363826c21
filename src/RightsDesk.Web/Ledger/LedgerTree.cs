using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Web.Ledger;

/// <summary>
/// The Merkle tree over every stored leaf hash, kept in memory for the life of the process and brought up to date
/// from the database before each use, so a root or proof costs a few lookups instead of re-reading the ledger. It
/// costs 64 bytes an event (64 MB a million). Several app nodes each keep their own; they agree because each is
/// built from the same append-only table.
/// </summary>
/// <remarks>
/// No stored leaf hash is taken on trust: each leaf entering the tree is re-derived from its row's columns, exactly
/// as `rightsdesk ledger verify` does (<see cref="LedgerAudit.Inspect"/>), so a row whose data, salt or hash was
/// changed stops the tree at that event instead of being signed. Before catching up, the cached last leaf is
/// compared with the stored one: if they differ, or the ledger is now shorter, the database was restored or
/// altered under this process and the tree is rebuilt from the rows; whether the rebuilt tree still extends the
/// last signed head is for <see cref="TreeHeadService"/> to decide, never assumed. A gap in the sequence numbers
/// stops it too. Each stop is reported to <see cref="LedgerHealth"/> and thrown as
/// <see cref="LedgerInconsistentException"/>: a broken ledger is neither signed nor proven.
/// </remarks>
public sealed class LedgerTree(LedgerHealth health, ILogger<LedgerTree> log) : IDisposable
{
    private const int BatchSize = 10_000;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MerkleTree _tree = new();

    /// <summary>Catches up with the stored ledger, then runs <paramref name="read"/> on the tree, which holds every
    /// event stored so far (and no other thread changes it meanwhile).</summary>
    public async Task<T> ReadAsync<T>(RightsDeskDbContext db, Func<MerkleTree, T> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(read);
        await _gate.WaitAsync(ct);
        try
        {
            await CatchUpAsync(db, ct);
            return read(_tree);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CatchUpAsync(RightsDeskDbContext db, CancellationToken ct)
    {
        if (_tree.Size > 0)
        {
            var last = _tree.Size - 1;
            var stored = await db.LedgerEvents.AsNoTracking().Where(e => e.Seq == last).Select(e => e.LeafHash).FirstOrDefaultAsync(ct);
            if (stored is null || !stored.AsSpan().SequenceEqual(_tree.LeafHash(last)))
            {
                log.LogWarning("The stored ledger no longer matches the cached tree at event {Seq}; rebuilding it from the database", last);
                _tree = new MerkleTree();
            }
        }

        while (true)
        {
            var from = _tree.Size;
            var batch = await db.LedgerEvents.AsNoTracking()
                .Where(e => e.Seq >= from)
                .OrderBy(e => e.Seq)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            var leaves = new byte[batch.Count * MerkleHash.Size];
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                if (row.Seq != from + i)
                {
                    Stop(new LedgerProblem(from + i, "the event is missing: the stored sequence numbers have a gap"));
                }

                if (LedgerAudit.Inspect(row) is { } finding)
                {
                    Stop(new LedgerProblem(row.Seq, finding.Summary));
                }

                row.LeafHash.CopyTo(leaves, i * MerkleHash.Size);
            }

            _tree.AppendLeafHashes(leaves);
            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }

    private void Stop(LedgerProblem problem)
    {
        health.Inconsistent(problem);
        var error = new LedgerInconsistentException(problem);
        log.LogCritical("{Problem} No tree head or proof is served until `rightsdesk ledger verify` passes", error.Message);
        throw error;
    }

    /// <summary>A singleton: the container disposes it when the host stops.</summary>
    public void Dispose() => _gate.Dispose();
}
