using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger;
using RightsDesk.Data;
using RightsDesk.Data.Transparency;

namespace RightsDesk.Application.Transparency;

/// <summary>
/// A version's de-identified records as they are kept (<see cref="TransparencyReportRecordSet"/>): the UTF-8 lines in
/// ordinal order, how many, and their records root. The lines are encoded once, and the root is hashed from those
/// very bytes (every leaf a slice of the kept text), so what is stored is what the root commits to.
/// </summary>
public sealed record KeptRecords(byte[] Utf8, int Count, string Root)
{
    /// <summary>The kept text as stored: gzip (RFC 1952, fastest level), about a seventh of the text for demand
    /// records, which any auditor's gunzip opens.</summary>
    public byte[] Packed()
    {
        using var packed = new MemoryStream(Utf8.Length / 4 + 64);
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Utf8);
        }

        return packed.ToArray();
    }

    /// <summary>The text of a stored <see cref="TransparencyReportRecordSet.Records"/>.</summary>
    public static string Unpack(byte[] packed)
    {
        ArgumentNullException.ThrowIfNull(packed);
        using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        return text.ReadToEnd();
    }

    /// <summary>The records of every source, ordered, encoded, and hashed into the RFC 6962 root
    /// (<see cref="ReportRecords.Root"/> over the same records gives the same root: the definition is unchanged).</summary>
    public static KeptRecords Of(IEnumerable<IReadOnlyList<string>> bySource)
    {
        var ordered = Ordered(bySource);
        var total = Math.Max(0L, ordered.Count - 1L);
        foreach (var r in ordered)
        {
            total += Encoding.UTF8.GetByteCount(r);
        }

        var bytes = new byte[checked((int)total)];
        var leaves = new ReadOnlyMemory<byte>[ordered.Count];
        var at = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0)
            {
                bytes[at++] = (byte)'\n';
            }

            var n = Encoding.UTF8.GetBytes(ordered[i], bytes.AsSpan(at));
            leaves[i] = bytes.AsMemory(at, n);
            at += n;
        }

        var tree = new MerkleTree();
        tree.AppendEntries(leaves);
        return new(bytes, ordered.Count, Convert.ToHexStringLower(tree.RootHash()));
    }

    /// <summary>
    /// Every source's records in ordinal order. A source's records usually come sorted (the rollups read in case-hash
    /// order, and a source's records share their opening <c>{"source":"name",</c>), and two sources' records do not
    /// interleave, so the lists are checked (one comparison a record) and put one after the other; only a list out of
    /// order is sorted, and only lists that overlap fall back to sorting everything. The result is the same sequence
    /// a sort of all records gives.
    /// </summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<IReadOnlyList<string>> bySource)
    {
        ArgumentNullException.ThrowIfNull(bySource);
        var lists = bySource.Where(l => l.Count > 0)
            .Select(l => IsOrdered(l) ? l : [.. l.Order(StringComparer.Ordinal)])
            .OrderBy(l => l[0], StringComparer.Ordinal)
            .ToList();
        for (var i = 1; i < lists.Count; i++)
        {
            if (string.CompareOrdinal(lists[i - 1][^1], lists[i][0]) > 0)
            {
                return [.. lists.SelectMany(l => l).Order(StringComparer.Ordinal)];
            }
        }

        var all = new List<string>(lists.Sum(l => l.Count));
        foreach (var l in lists)
        {
            all.AddRange(l);
        }

        return all;
    }

    /// <summary>The records kept with <paramref name="version"/>, one a line; a version published before they were
    /// kept apart has them in its own row; null when it kept none (published before records were kept at all).</summary>
    public static async Task<IReadOnlyList<string>?> ReadAsync(RightsDeskDbContext db, TransparencyReportRecord version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(version);
        var kept = await db.TransparencyReportRecords.AsNoTracking().Where(r => r.ReportId == version.Id).Select(r => r.Records).FirstOrDefaultAsync(ct);
        if (kept is not null)
        {
            var text = Unpack(kept);
            return text.Length == 0 ? [] : text.Split('\n');
        }

        return version.RecordsText.Length > 0 ? version.RecordsText.Split('\n') : null;
    }

    private static bool IsOrdered(IReadOnlyList<string> records)
    {
        for (var i = 1; i < records.Count; i++)
        {
            if (string.CompareOrdinal(records[i - 1], records[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
