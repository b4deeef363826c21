using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger;
using RightsDesk.Data;

namespace RightsDesk.Web.Ledger;

/// <summary>
/// The Merkle tree over every stored leaf hash, kept in memory for the life of the process and brought up to date
/// from the database before each use, so a root or proof costs a few lookups instead of re-reading the ledger. It
/// costs 64 bytes an event (64 MB a million). Several app nodes each keep their own; they agree because each is
/// built from the same append-only table.
/// </summary>
/// <remarks>
/// Before catching up, the cached last leaf is compared with the stored one: if they differ, or the ledger is now
/// shorter, the database was restored or altered under this process and the tree is rebuilt from the rows, so
/// what is signed is what is stored. A gap in the sequence numbers stops it: a ledger with a hole is not signed or
/// proven; `rightsdesk ledger verify` says where the hole is.
/// </remarks>
public sealed class LedgerTree(ILogger<LedgerTree> log)
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
                .Select(e => new { e.Seq, e.LeafHash })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            var leaves = new byte[batch.Count * MerkleHash.Size];
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Seq != from + i || batch[i].LeafHash.Length != MerkleHash.Size)
                {
                    log.LogCritical("The ledger is broken at event {Seq} (missing or malformed); no tree head or proof is served until `rightsdesk ledger verify` passes", from + i);
                    throw new InvalidOperationException($"The ledger is broken at event {from + i}: run `rightsdesk ledger verify`.");
                }

                batch[i].LeafHash.CopyTo(leaves, i * MerkleHash.Size);
            }

            _tree.AppendLeafHashes(leaves);
            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }
}
