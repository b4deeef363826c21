using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace RightsDesk.Data.Ledger;

/// <summary>
/// Collects the ledger events of one unit of work and commits them with it: the state change and its event are
/// saved in one transaction, or neither is. Sequence numbers are gap-free; appends are serialised (a process lock,
/// and on PostgreSQL a transaction-scoped advisory lock, so several app nodes can share one database).
/// </summary>
public sealed class LedgerWriter(RightsDeskDbContext db, TimeProvider clock)
{
    private const long AdvisoryLockKey = 6962;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private readonly List<(LedgerEventCode Code, string Actor, string? Subject, SortedDictionary<string, string?> Fields)> _pending = [];

    public void Record(LedgerEventCode code, string actor, string? subject, IReadOnlyDictionary<string, string?>? fields = null) =>
        _pending.Add((code, actor, subject, new SortedDictionary<string, string?>((fields ?? new Dictionary<string, string?>()).ToDictionary(), StringComparer.Ordinal)));

    /// <summary>Saves the pending entity changes and ledger events together.</summary>
    public async Task SaveAsync(CancellationToken ct = default)
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
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
                }

                // Under the same lock: a new demand's reference number is the year's next one.
                await Demands.DemandReferences.AssignNewAsync(db, ct);
                var next = (await db.LedgerEvents.MaxAsync(e => (long?)e.Seq, ct) ?? -1) + 1;
                foreach (var (code, actor, subject, fields) in _pending)
                {
                    db.LedgerEvents.Add(Build(next++, code, clock.GetUtcNow(), actor, subject, fields));
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
            _pending.Clear();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static LedgerEventRecord Build(long seq, LedgerEventCode code, DateTimeOffset at, string actor, string? subject, IReadOnlyDictionary<string, string?> fields)
    {
        // Millisecond precision: what both engines store exactly, so the leaf can be recomputed from the row.
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var data = Canonical(seq, (int)code, at, actor, subject, fields);
        var salt = RandomNumberGenerator.GetBytes(16);
        return new LedgerEventRecord
        {
            Seq = seq, Code = (int)code, At = at, Actor = actor, SubjectId = subject, Data = data, Salt = salt,
            LeafHash = LeafHash(salt, data),
        };
    }

    /// <summary>The canonical form: keys in a fixed order, no insignificant whitespace, UTF-8.</summary>
    public static string Canonical(long seq, int code, DateTimeOffset at, string actor, string? subject, IReadOnlyDictionary<string, string?> fields)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("seq", seq);
            w.WriteNumber("code", code);
            w.WriteString("at", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("actor", actor);
            w.WriteString("subject", subject);
            w.WriteStartObject("fields");
            foreach (var (k, v) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
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
