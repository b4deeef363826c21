using System.Numerics;

namespace RightsDesk.Core.Ledger;

/// <summary>
/// An append-only RFC 6962 Merkle tree over leaf hashes. It keeps the hash of every complete subtree (level k holds
/// the subtrees of 2^k leaves), so the root of any earlier size and inclusion and consistency proofs for any sizes
/// cost O(log n) hashes and lookups, and an append costs one leaf hash plus, on average, one node hash.
/// </summary>
/// <remarks>
/// Proofs are exactly RFC 6962 §2.1.1 PATH and §2.1.2 PROOF (the same bytes Certificate Transparency and
/// transparency-dev/merkle produce), so any RFC 6962 or RFC 9162 verifier accepts them.
/// One writer at a time: appends must not overlap each other or reads. Reads (roots and proofs) may run concurrently
/// with each other.
/// </remarks>
public sealed class MerkleTree
{
    // Below this many hashes in one batch the cost of handing work to other threads outweighs the gain.
    private const int ParallelThreshold = 16_384;
    private const int MaxLevels = 64;

    private readonly List<HashLevel> levels = [new HashLevel()];

    // The right border (see ComputeBorder) of the last full size asked for. A size's border never changes in an
    // append-only tree, so the cache only needs the size as its key; replacing the reference whole keeps concurrent
    // readers safe.
    private RightBorder? cachedBorder;

    /// <summary>The number of leaves.</summary>
    public long Size => levels[0].Count;

    /// <summary>Hashes <paramref name="entry"/> as a leaf and appends it.</summary>
    /// <returns>The leaf's index.</returns>
    public long AppendEntry(ReadOnlySpan<byte> entry)
    {
        Span<byte> leafHash = stackalloc byte[MerkleHash.Size];
        MerkleHash.HashLeaf(entry, leafHash);
        return AppendLeafHash(leafHash);
    }

    /// <returns>The leaf's index.</returns>
    public long AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"A leaf hash is {MerkleHash.Size} bytes; got {leafHash.Length}.", nameof(leafHash));
        }

        var index = Size;
        levels[0].Extend(index + 1);
        leafHash.CopyTo(levels[0].Slot(index));
        BuildLevels(index, index + 1);
        return index;
    }

    /// <summary>Appends leaf hashes given back to back (a multiple of 32 bytes), for example when loading a stored
    /// ledger. Faster than one at a time because each level is filled in one pass, using every core for big batches.</summary>
    public void AppendLeafHashes(ReadOnlySpan<byte> leafHashes)
    {
        if (leafHashes.Length % MerkleHash.Size != 0)
        {
            throw new ArgumentException(
                $"Leaf hashes are given back to back, {MerkleHash.Size} bytes each; {leafHashes.Length} bytes is not a multiple of that.",
                nameof(leafHashes));
        }

        var oldSize = Size;
        var newSize = oldSize + (leafHashes.Length / MerkleHash.Size);
        var leaves = levels[0];
        leaves.Extend(newSize);
        for (var i = oldSize; i < newSize; i++)
        {
            leafHashes.Slice((int)(i - oldSize) * MerkleHash.Size, MerkleHash.Size).CopyTo(leaves.Slot(i));
        }

        BuildLevels(oldSize, newSize);
    }

    /// <summary>Hashes each entry as a leaf and appends them in order; big batches are hashed on every core.</summary>
    public void AppendEntries(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var oldSize = Size;
        var newSize = oldSize + entries.Count;
        var leaves = levels[0];
        leaves.Extend(newSize);
        ForRange(entries.Count, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                MerkleHash.HashLeaf(entries[(int)i].Span, leaves.Slot(oldSize + i));
            }
        });
        BuildLevels(oldSize, newSize);
    }

    public byte[] LeafHash(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return levels[0][index].ToArray();
    }

    /// <summary>The root of the whole tree.</summary>
    public byte[] RootHash() => RootHash(Size);

    /// <summary>The root the tree had when it held <paramref name="size"/> leaves (RFC 6962 MTH(D[0:size])).</summary>
    public byte[] RootHash(long size)
    {
        var root = new byte[MerkleHash.Size];
        RootHash(size, root);
        return root;
    }

    public void RootHash(long size, Span<byte> destination)
    {
        CheckSize(size);
        if (destination.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"The destination must be exactly {MerkleHash.Size} bytes.", nameof(destination));
        }

        if (size == 0)
        {
            MerkleHash.EmptyRoot.CopyTo(destination);
            return;
        }

        Span<byte> scratch = stackalloc byte[MaxLevels * MerkleHash.Size];
        var border = Border(size, scratch);
        Tail(border, HighestBit(size)).CopyTo(destination);
    }

    /// <summary>The audit path for leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves, from
    /// the leaf's sibling up to the root's child (RFC 6962 §2.1.1 PATH(m, D[n])).</summary>
    public byte[][] InclusionProof(long index, long size)
    {
        CheckSize(size);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Leaf index {index} is not in a tree of size {size}.");
        }

        Span<byte> scratch = stackalloc byte[MaxLevels * MerkleHash.Size];
        var border = Border(size, scratch);

        // The RFC defines PATH recursively from the root down, appending each sibling after the deeper part of the
        // path; walking down and reversing gives the same order without recursion.
        var topDown = new List<byte[]>(MaxLevels);
        long begin = 0, n = size, m = index;
        while (n > 1)
        {
            var k = LargestPowerOfTwoBelow(n);
            if (m < k)
            {
                topDown.Add(SubtreeHash(begin + k, n - k, border));
                n = k;
            }
            else
            {
                topDown.Add(SubtreeHash(begin, k, border));
                begin += k;
                m -= k;
                n -= k;
            }
        }

        topDown.Reverse();
        return [.. topDown];
    }

    /// <summary>The proof that the tree of <paramref name="size1"/> leaves is a prefix of the tree of
    /// <paramref name="size2"/> leaves (RFC 6962 §2.1.2 PROOF(m, D[n])). Empty when the sizes are equal or
    /// <paramref name="size1"/> is zero, as the RFC and transparency-dev/merkle define it.</summary>
    public byte[][] ConsistencyProof(long size1, long size2)
    {
        CheckSize(size2);
        ArgumentOutOfRangeException.ThrowIfNegative(size1);
        if (size1 > size2)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), size1, $"size1 {size1} is larger than size2 {size2}.");
        }

        if (size1 == 0 || size1 == size2)
        {
            return [];
        }

        Span<byte> scratch = stackalloc byte[MaxLevels * MerkleHash.Size];
        var border = Border(size2, scratch);

        // SUBPROOF(m, D[begin:begin+n], b) unrolled; startsAtOldRoot is the RFC's b: while true, the old tree is
        // exactly a complete left subtree the verifier already knows, so its hash is not repeated in the proof.
        var topDown = new List<byte[]>(MaxLevels);
        long begin = 0, n = size2, m = size1;
        var startsAtOldRoot = true;
        while (m != n)
        {
            var k = LargestPowerOfTwoBelow(n);
            if (m <= k)
            {
                topDown.Add(SubtreeHash(begin + k, n - k, border));
                n = k;
            }
            else
            {
                topDown.Add(SubtreeHash(begin, k, border));
                begin += k;
                m -= k;
                n -= k;
                startsAtOldRoot = false;
            }
        }

        if (!startsAtOldRoot)
        {
            topDown.Add(SubtreeHash(begin, n, border));
        }

        topDown.Reverse();
        return [.. topDown];
    }

    private void CheckSize(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The tree has only {Size} leaves; size {size} is in its future.");
        }
    }

    /// <summary>Recomputes the parents that leaves [oldSize, newSize) complete, level by level.</summary>
    private void BuildLevels(long oldSize, long newSize)
    {
        for (var level = 0; ; level++)
        {
            var oldParents = oldSize >> (level + 1);
            var newParents = newSize >> (level + 1);

            // A level that gains no node cannot change the levels above it.
            if (newParents == oldParents)
            {
                return;
            }

            if (levels.Count == level + 1)
            {
                levels.Add(new HashLevel());
            }

            var children = levels[level];
            var parents = levels[level + 1];
            parents.Extend(newParents);
            ForRange(newParents - oldParents, (from, to) =>
            {
                for (var p = oldParents + from; p < oldParents + to; p++)
                {
                    MerkleHash.HashChildren(children[2 * p], children[(2 * p) + 1], parents.Slot(p));
                }
            });
        }
    }

    private static void ForRange(long count, Action<long, long> body)
    {
        var workers = Math.Min(Environment.ProcessorCount, count / (ParallelThreshold / 2));
        if (count < ParallelThreshold || workers < 2)
        {
            body(0, count);
            return;
        }

        Parallel.For(0, workers, w => body(count * w / workers, count * (w + 1) / workers));
    }

    /// <summary>
    /// The right border of a tree of <paramref name="size"/> leaves: for each set bit b of size, the hash of the
    /// leaves from size rounded down to a multiple of 2^(b+1) up to size. These are the only subtrees in any root or
    /// proof of that size that are not complete, so with them every MTH the RFC asks for is a single lookup.
    /// Computing them costs one node hash per set bit of size, less one.
    /// </summary>
    private ReadOnlySpan<byte> Border(long size, Span<byte> scratch)
    {
        var cached = cachedBorder;
        if (cached is not null && cached.Size == size)
        {
            return cached.Tails;
        }

        var previous = -1;
        for (var b = 0; b < MaxLevels - 1; b++)
        {
            if (((size >> b) & 1) == 0)
            {
                continue;
            }

            var subtree = levels[b][(size >> b) - 1];
            var tail = scratch.Slice(b * MerkleHash.Size, MerkleHash.Size);
            if (previous < 0)
            {
                subtree.CopyTo(tail);
            }
            else
            {
                MerkleHash.HashChildren(subtree, scratch.Slice(previous * MerkleHash.Size, MerkleHash.Size), tail);
            }

            previous = b;
        }

        if (size == Size)
        {
            cachedBorder = new RightBorder(size, scratch.ToArray());
        }

        return scratch;
    }

    private static ReadOnlySpan<byte> Tail(ReadOnlySpan<byte> border, int bit) => border.Slice(bit * MerkleHash.Size, MerkleHash.Size);

    /// <summary>MTH(D[begin:begin+count]) for a subtree the RFC recursion reaches: either complete (count a power of
    /// two, begin a multiple of it) or a ragged one ending at the border's size.</summary>
    private byte[] SubtreeHash(long begin, long count, ReadOnlySpan<byte> border)
    {
        if (BitOperations.IsPow2(count))
        {
            var level = BitOperations.Log2((ulong)count);
            return levels[level][begin >> level].ToArray();
        }

        return Tail(border, HighestBit(count)).ToArray();
    }

    private static int HighestBit(long value) => BitOperations.Log2((ulong)value);

    /// <summary>The RFC's k: the largest power of two strictly less than <paramref name="n"/> (n &gt; 1).</summary>
    private static long LargestPowerOfTwoBelow(long n) => 1L << BitOperations.Log2((ulong)(n - 1));

    private sealed record RightBorder(long Size, byte[] Tails);
}
