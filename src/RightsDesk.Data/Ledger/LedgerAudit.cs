using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Data.Ledger;

/// <summary>The outcome of <see cref="LedgerAudit"/>: valid, or the first thing found wrong, named.</summary>
public sealed record LedgerAuditReport(bool IsValid, long EventsChecked, int TreeHeadsChecked, byte[] RootHash, string? Problem);

/// <summary>
/// Re-checks a stored ledger from its rows alone, the way `rightsdesk ledger verify` does: each event's data must be
/// the canonical form of its own columns and its leaf hash SHA-256(0x00 || salt || data); sequence numbers must run
/// from 0 without a gap; and every stored tree head must carry a valid signature under the key it names and the root
/// the events give at its size. It stops at the first problem, in ledger order, and names it.
/// </summary>
/// <remarks>
/// Rows are read in batches by sequence number, so memory grows only with the Merkle tree (64 bytes an event), not
/// with the events' data. Only the events and tree heads present when it starts are checked; a server may keep
/// appending meanwhile. Events after the last tree head can only be checked against themselves: an event appended
/// by someone with database access, with correct hashes, is found only by the next tree head, so publish them often.
/// </remarks>
public sealed class LedgerAudit
{
    public const int DefaultBatchSize = 10_000;

    private readonly RightsDeskDbContext db;
    private readonly Dictionary<string, ECDsa> keys;
    private readonly int batchSize;

    /// <param name="publicKeys">The keys tree heads may be signed with; each is found by its key id.</param>
    public LedgerAudit(RightsDeskDbContext db, IEnumerable<ECDsa> publicKeys, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(publicKeys);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.db = db;
        this.batchSize = batchSize;
        keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        foreach (var key in publicKeys)
        {
            keys[LedgerSigningKey.KeyIdOf(key)] = key;
        }
    }

    /// <param name="progress">Told how many events have been checked, out of how many, after each batch.</param>
    public async Task<LedgerAuditReport> RunAsync(IProgress<(long Checked, long Total)>? progress = null, CancellationToken ct = default)
    {
        // Heads first, then the last event: every head read was issued over events that are already there.
        var heads = await db.TreeHeads.AsNoTracking().OrderBy(h => h.TreeSize).ThenBy(h => h.Id).ToListAsync(ct);
        var last = await db.LedgerEvents.MaxAsync(e => (long?)e.Seq, ct) ?? -1;
        progress?.Report((0, last + 1));

        var tree = new MerkleTree();
        var pending = new byte[batchSize * MerkleHash.Size];
        var pendingCount = 0;
        var nextHead = 0;
        var headsChecked = 0;
        long vouchedSize = 0;
        long expected = 0;

        LedgerAuditReport Fail(string problem) => new(false, expected, headsChecked, tree.RootHash(), problem);

        void Flush()
        {
            tree.AppendLeafHashes(pending.AsSpan(0, pendingCount * MerkleHash.Size));
            pendingCount = 0;
        }

        // Checks each head whose size the tree has reached, before any later event is looked at.
        string? CheckHeadsUpTo(long size)
        {
            while (nextHead < heads.Count && heads[nextHead].TreeSize <= size)
            {
                Flush();
                var head = heads[nextHead++];
                if (CheckHead(head, tree, vouchedSize) is { } problem)
                {
                    return $"{Describe(head)}: {problem}";
                }

                vouchedSize = head.TreeSize;
                headsChecked++;
            }

            return null;
        }

        while (expected <= last)
        {
            var from = expected;
            var batch = await db.LedgerEvents.AsNoTracking()
                .Where(e => e.Seq >= from && e.Seq <= last)
                .OrderBy(e => e.Seq)
                .Take(batchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var row in batch)
            {
                if (CheckHeadsUpTo(expected) is { } headProblem)
                {
                    return Fail(headProblem);
                }

                if (row.Seq != expected)
                {
                    return Fail(row.Seq == expected + 1
                        ? $"event {expected} is missing: the stored events go from {expected - 1} to {row.Seq}"
                        : $"events {expected} to {row.Seq - 1} are missing: the stored events go from {expected - 1} to {row.Seq}");
                }

                if (CheckEvent(row) is { } eventProblem)
                {
                    return Fail($"{Describe(row)}: {eventProblem}");
                }

                row.LeafHash.CopyTo(pending, pendingCount * MerkleHash.Size);
                pendingCount++;
                expected++;
            }

            Flush();
            progress?.Report((expected, last + 1));
        }

        if (expected <= last)
        {
            return Fail($"events {expected} to {last} are missing: the last stored event is {last}");
        }

        if (CheckHeadsUpTo(expected) is { } finalProblem)
        {
            return Fail(finalProblem);
        }

        if (nextHead < heads.Count)
        {
            var head = heads[nextHead];
            return Fail($"{Describe(head)}: it vouches for {head.TreeSize} events but the ledger holds {expected}: events were removed from the end");
        }

        // A sequence number outside 0..last (a negative one) would not have been read above.
        var stored = await db.LedgerEvents.LongCountAsync(e => e.Seq <= last, ct);
        if (stored != expected)
        {
            return Fail($"the ledger holds {stored} events with sequence numbers up to {last}, expected {expected}: some have numbers below 0");
        }

        return new LedgerAuditReport(true, expected, headsChecked, tree.RootHash(), null);
    }

    public static string Describe(LedgerEventRecord row) => $"event {row.Seq} (code {row.Code} at {Time(row.At)})";

    public static string Describe(TreeHeadRecord head) => $"tree head {head.Id} (size {head.TreeSize} at {Time(head.Timestamp)})";

    /// <summary>What is wrong with one event row on its own, or null.</summary>
    public static string? CheckEvent(LedgerEventRecord row) => Inspect(row)?.Message;

    /// <summary>What is wrong with one event row on its own, or null: which part differs (for telling anyone) and the
    /// full message with the values (for the auditor running `ledger verify`).</summary>
    public static LedgerEventFinding? Inspect(LedgerEventRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        StoredData data;
        try
        {
            data = StoredData.Read(row.Data);
        }
        catch (JsonException ex)
        {
            return new(LedgerEventFault.Data, $"its data is not valid JSON ({ex.Message})");
        }
        catch (FormatException ex)
        {
            return new(LedgerEventFault.Data, $"its data does not have the ledger's shape: {ex.Message}");
        }

        if (data.Seq != row.Seq)
        {
            return new(LedgerEventFault.Seq, $"its seq column is {row.Seq} but its data says {data.Seq}");
        }

        if (data.Code != row.Code)
        {
            return new(LedgerEventFault.Code, $"its code column is {row.Code} but its data says {data.Code}");
        }

        if (data.At != Time(row.At))
        {
            return new(LedgerEventFault.At, $"its at column is {Time(row.At)} but its data says {data.At}");
        }

        if (data.Actor != row.Actor)
        {
            return new(LedgerEventFault.Actor, $"its actor column is {Quote(row.Actor)} but its data says {Quote(data.Actor)}");
        }

        if (data.Subject != row.SubjectId)
        {
            return new(LedgerEventFault.Subject, $"its subject column is {Quote(row.SubjectId)} but its data says {Quote(data.Subject)}");
        }

        var canonical = LedgerCanonical.Serialise(row.Seq, row.Code, row.At, row.Actor, row.SubjectId, data.Fields);
        if (canonical != row.Data)
        {
            return new(LedgerEventFault.NotCanonical, "its data matches its columns but is not in canonical form (key order, spacing or escaping was changed)");
        }

        var leaf = LedgerWriter.LeafHash(row.Salt, row.Data);
        return leaf.AsSpan().SequenceEqual(row.LeafHash)
            ? null
            : new(LedgerEventFault.LeafHash, $"its stored leaf hash {HashText.ToHex(row.LeafHash)} is not SHA-256(0x00 || salt || data) = {HashText.ToHex(leaf)}: its leaf hash or salt was altered");
    }

    /// <summary>What is wrong with a tree head against the tree of the events before it, or null.</summary>
    private string? CheckHead(TreeHeadRecord head, MerkleTree tree, long vouchedSize)
    {
        if (head.RootHash.Length != MerkleHash.Size)
        {
            return $"its root has {head.RootHash.Length} bytes, not {MerkleHash.Size}";
        }

        if (head.TreeSize < 0 || head.Timestamp.ToUnixTimeMilliseconds() < 0)
        {
            return "its size or timestamp is negative";
        }

        if (!keys.TryGetValue(head.KeyId, out var key))
        {
            var known = keys.Count == 0 ? "no public key was given" : "the keys given are " + string.Join(", ", keys.Keys);
            return $"it names signing key {Quote(head.KeyId)}, which cannot be checked: {known} (add it with --public-key)";
        }

        var computed = tree.RootHash(head.TreeSize);
        var rootMatches = computed.AsSpan().SequenceEqual(head.RootHash);
        var signed = Verifies(new TreeHead(head.TreeSize, head.RootHash, head.Timestamp, head.Signature), key);
        if (signed && rootMatches)
        {
            return null;
        }

        if (signed)
        {
            var range = vouchedSize > 0 ? $"between events {vouchedSize} and {head.TreeSize - 1} (the tree head before it still holds)" : $"at or before event {head.TreeSize - 1}";
            return $"it signs root {HashText.ToHex(head.RootHash)} but the events now give {HashText.ToHex(computed)}: an event {range} was altered, inserted or removed";
        }

        if (rootMatches)
        {
            return $"its signature does not verify under key {head.KeyId}: its signature, timestamp or size was altered";
        }

        return Verifies(new TreeHead(head.TreeSize, computed, head.Timestamp, head.Signature), key)
            ? $"its stored root {HashText.ToHex(head.RootHash)} is not the root it was signed with, {HashText.ToHex(computed)} (which the events still give): its root was altered"
            : $"neither its signature nor its root {HashText.ToHex(head.RootHash)} checks out (the events give {HashText.ToHex(computed)})";
    }

    private static bool Verifies(TreeHead head, ECDsa key)
    {
        try
        {
            return TreeHeadSigner.Verify(head, key).IsValid;
        }
        catch (CryptographicException)
        {
            // A signature altered into something that is not even DER is as invalid as a wrong one.
            return false;
        }
    }

    private static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Quote(string? text) => text is null ? "null" : JsonSerializer.Serialize(text);

    /// <summary>The fields of an event's stored canonical JSON.</summary>
    private sealed record StoredData(long Seq, int Code, string At, string Actor, string? Subject, IReadOnlyDictionary<string, string?> Fields)
    {
        public static StoredData Read(string json)
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("it is not a JSON object");
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            var fieldsElement = Property(root, "fields", JsonValueKind.Object);
            foreach (var field in fieldsElement.EnumerateObject())
            {
                fields[field.Name] = field.Value.ValueKind switch
                {
                    JsonValueKind.String => field.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => throw new FormatException($"field {Quote(field.Name)} is neither a string nor null"),
                };
            }

            var subject = root.TryGetProperty("subject", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()
                : root.TryGetProperty("subject", out s) && s.ValueKind == JsonValueKind.Null ? null
                : throw new FormatException("\"subject\" is missing or neither a string nor null");
            return new StoredData(
                Number(root, "seq"),
                Number(root, "code") is var code && code is >= int.MinValue and <= int.MaxValue
                    ? (int)code
                    : throw new FormatException("\"code\" is out of range"),
                Property(root, "at", JsonValueKind.String).GetString()!,
                Property(root, "actor", JsonValueKind.String).GetString()!,
                subject,
                fields);
        }

        private static JsonElement Property(JsonElement root, string name, JsonValueKind kind) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == kind
                ? value
                : throw new FormatException($"\"{name}\" is missing or not a {kind.ToString().ToLowerInvariant()}");

        private static long Number(JsonElement root, string name) =>
            Property(root, name, JsonValueKind.Number).TryGetInt64(out var value)
                ? value
                : throw new FormatException($"\"{name}\" is not a whole number");
    }
}
