using System.Security.Cryptography;

namespace RightsDesk.Core.Tests.Ledger;

/// <summary>
/// RFC 6962 §2.1 written out as the RFC states it (MTH, PATH, PROOF/SUBPROOF), recursively over a list of entries,
/// with its own hashing. Shares no code with the production tree so that the two can only agree by both being right.
/// Subtree hashes are memoised by range, which changes nothing but the running time.
/// </summary>
internal sealed class NaiveRfc6962(IReadOnlyList<byte[]> entries)
{
    private readonly Dictionary<(int Start, int Count), byte[]> memo = [];

    /// <summary>MTH(D[start:start+count]).</summary>
    public byte[] Mth(int start, int count)
    {
        if (count == 0)
        {
            return SHA256.HashData(Array.Empty<byte>());
        }

        if (memo.TryGetValue((start, count), out var cached))
        {
            return cached;
        }

        byte[] hash;
        if (count == 1)
        {
            hash = SHA256.HashData([0x00, .. entries[start]]);
        }
        else
        {
            var k = K(count);
            hash = SHA256.HashData([0x01, .. Mth(start, k), .. Mth(start + k, count - k)]);
        }

        memo[(start, count)] = hash;
        return hash;
    }

    public byte[] LeafHash(int index) => Mth(index, 1);

    /// <summary>PATH(m, D[n]) for the first n entries.</summary>
    public List<byte[]> Path(int m, int n) => Path(m, 0, n);

    /// <summary>PROOF(m, D[n]) for the first n entries, 0 &lt; m &lt;= n.</summary>
    public List<byte[]> Proof(int m, int n) => SubProof(m, 0, n, true);

    private List<byte[]> Path(int m, int start, int n)
    {
        if (n == 1)
        {
            return [];
        }

        var k = K(n);
        return m < k
            ? [.. Path(m, start, k), Mth(start + k, n - k)]
            : [.. Path(m - k, start + k, n - k), Mth(start, k)];
    }

    private List<byte[]> SubProof(int m, int start, int n, bool b)
    {
        if (m == n)
        {
            return b ? [] : [Mth(start, n)];
        }

        var k = K(n);
        return m <= k
            ? [.. SubProof(m, start, k, b), Mth(start + k, n - k)]
            : [.. SubProof(m - k, start + k, n - k, false), Mth(start, k)];
    }

    /// <summary>"the largest power of two smaller than n" (RFC 6962 §2.1), found by counting up.</summary>
    private static int K(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
