using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger;
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
///
/// A head is only ever signed over a ledger that extends the last signed one: the tree is built from re-derived
/// leaves (<see cref="LedgerTree"/>) and its root at the last signed size must be the signed root. Otherwise the
/// signer refuses (<see cref="LedgerInconsistentException"/>) and reports it to <see cref="LedgerHealth"/>:
/// signing a rewritten history would make the rewrite look vouched for.
/// </remarks>
public sealed class TreeHeadService(RightsDeskDbContext db, LedgerTree tree, KeyStore keys, LedgerHealth health, TimeProvider clock)
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
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
                }

                var latest = await LastSignedAsync(ct);
                var (size, root) = await CheckAsync(latest, ct);
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

    /// <summary>Checks that the stored ledger extends the last signed tree head and reports the outcome to
    /// <see cref="LedgerHealth"/>; throws <see cref="LedgerInconsistentException"/> when it does not.</summary>
    public async Task CheckAsync(CancellationToken ct) => await CheckAsync(await LastSignedAsync(ct), ct);

    /// <summary>The latest head that names this instance's key. A row naming another key cannot be vouched for here
    /// (`ledger verify` takes old public keys) and must not become the yardstick: anyone who can write to the
    /// database could add one over a rewritten history.</summary>
    private async Task<TreeHeadRecord?> LastSignedAsync(CancellationToken ct)
    {
        var keyId = keys.Ring.SigningKey.KeyId;
        return await db.TreeHeads.AsNoTracking().Where(h => h.KeyId == keyId).OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<(long Size, byte[] Root)> CheckAsync(TreeHeadRecord? latest, CancellationToken ct)
    {
        var signedSize = latest?.TreeSize ?? 0;
        var (size, root, rootAtSigned) = await tree.ReadAsync(db, t => (t.Size, t.RootHash(), t.Size >= signedSize ? t.RootHash(signedSize) : null), ct);
        if (latest is not null)
        {
            // The signature first: a root is only a yardstick once it is known to be the one that was signed.
            var problem = SignatureProblem(latest)
                ?? (rootAtSigned is null
                    ? new LedgerProblem(size, $"tree head {latest.Id} vouches for {latest.TreeSize} events but the ledger holds {size}: events were removed from the end")
                    : !rootAtSigned.AsSpan().SequenceEqual(latest.RootHash)
                        ? new LedgerProblem(null, $"the events give another root at size {latest.TreeSize} than tree head {latest.Id} signed: an event before {latest.TreeSize} was altered, inserted or removed with every later row rehashed")
                        : null);
            if (problem is not null)
            {
                health.Inconsistent(problem);
                throw new LedgerInconsistentException(problem);
            }
        }

        health.Consistent();
        return (size, root);
    }

    private LedgerProblem? SignatureProblem(TreeHeadRecord head)
    {
        bool valid;
        try
        {
            valid = keys.Ring.SigningKey.Signer.Verify(new TreeHead(head.TreeSize, head.RootHash, head.Timestamp, head.Signature)).IsValid;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            valid = false;
        }

        return valid ? null : new LedgerProblem(null, $"tree head {head.Id} does not verify under this instance's signing key: its root, size, timestamp or signature was altered");
    }
}
