using Microsoft.EntityFrameworkCore;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Web.Ledger;

/// <summary>
/// Issues signed tree heads: the size and root of the whole ledger now, signed with the instance's key (see
/// <see cref="LedgerSigningKey"/>), stored in <c>tree_heads</c> and published.
/// </summary>
/// <remarks>
/// Issuing a tree head is deliberately not a ledger event. An event would grow the tree it just measured, so the
/// head would be out of date the moment it was stored, and the hourly schedule could never skip an idle hour. The
/// record of issuing is the tree head itself: signed, kept in <c>tree_heads</c> with who asked for it, served to
/// anyone, and checked by `rightsdesk ledger verify`.
/// </remarks>
public sealed class TreeHeadService(RightsDeskDbContext db, LedgerTree tree, KeyStore keys, TimeProvider clock)
{
    /// <summary>What <see cref="TreeHeadRecord.IssuedBy"/> says for heads the schedule issued.</summary>
    public const string Schedule = "schedule";

    // One issuer at a time, across app nodes on PostgreSQL too, so the schedule on two nodes does not sign twice.
    private const long AdvisoryLockKey = 6963;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Signs and stores a tree head for the ledger as it is now.</summary>
    /// <param name="onlyIfGrown">Skip (return null) when the ledger has not grown since the last head, or is empty
    /// and no head exists: what the schedule does, so an idle ledger does not pile up heads.</param>
    public async Task<TreeHeadRecord?> IssueAsync(string issuedBy, bool onlyIfGrown, CancellationToken ct)
    {
        var signing = keys.Ring.SigningKey;
        await Gate.WaitAsync(ct);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                if (db.Engine == DatabaseEngine.Postgres)
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
                }

                var latest = await db.TreeHeads.AsNoTracking().OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct);
                var (size, root) = await tree.ReadAsync(db, t => (t.Size, t.RootHash()), ct);
                if (onlyIfGrown && size <= (latest?.TreeSize ?? 0))
                {
                    return null;
                }

                var head = signing.Signer.Sign(size, root, clock.GetUtcNow());
                var record = new TreeHeadRecord
                {
                    TreeSize = head.Size,
                    RootHash = head.RootHash.ToArray(),
                    Timestamp = head.Timestamp,
                    Signature = head.Signature.ToArray(),
                    KeyId = signing.KeyId,
                    IssuedBy = issuedBy,
                };
                db.TreeHeads.Add(record);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return record;
            });
        }
        finally
        {
            Gate.Release();
        }
    }
}
