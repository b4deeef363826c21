using System.Numerics;

namespace RightsDesk.Core.Ledger;

/// <summary>
/// Checks RFC 6962 inclusion and consistency proofs with the RFC 9162 §2.1.3.2 and §2.1.4.2 algorithms, in the form
/// transparency-dev/merkle's proof package uses. Needs nothing but the proof, so an auditor can run it against tree
/// heads they hold without trusting the ledger's server.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>Checks that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree of
    /// <paramref name="size"/> leaves whose root is <paramref name="root"/>.</summary>
    public static VerificationResult VerifyInclusion(
        ReadOnlySpan<byte> leafHash, ulong index, ulong size, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index >= size)
        {
            return VerificationResult.Invalid($"index {index} is beyond tree size {size}");
        }

        if (leafHash.Length != MerkleHash.Size)
        {
            return VerificationResult.Invalid($"the leaf hash has {leafHash.Length} bytes, expected {MerkleHash.Size}");
        }

        if (root.Length != MerkleHash.Size)
        {
            return VerificationResult.Invalid($"the root has {root.Length} bytes, expected {MerkleHash.Size}");
        }

        var (inner, border) = DecomposeInclusionProof(index, size);
        if (CheckProofShape(proof, inner + border) is { } shapeError)
        {
            return shapeError;
        }

        Span<byte> calculated = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(calculated);
        ChainInner(calculated, proof, 0, inner, index);
        ChainBorderRight(calculated, proof, inner, border);
        return Match(calculated, root, "root");
    }

    /// <summary>
    /// Checks that the tree of <paramref name="size1"/> leaves with root <paramref name="root1"/> is a prefix of the
    /// tree of <paramref name="size2"/> leaves with root <paramref name="root2"/>.
    /// </summary>
    /// <remarks>
    /// Equal non-zero sizes need an empty proof and equal roots, whatever the roots' length, as in
    /// transparency-dev/merkle. Equal zero sizes additionally need both roots to be the empty tree's root: that tree
    /// has exactly one root, so any other value is not a tree head of this log (transparency-dev/merkle accepts any
    /// equal pair there). A proof from size 0 to a larger size is refused, since every tree extends the empty one and
    /// such a "proof" shows nothing.
    /// </remarks>
    public static VerificationResult VerifyConsistency(
        ulong size1, ulong size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size2 < size1)
        {
            return VerificationResult.Invalid($"size2 {size2} is smaller than size1 {size1}");
        }

        if (size1 == size2)
        {
            if (proof.Count > 0)
            {
                return VerificationResult.Invalid($"the sizes are equal, so the proof must be empty, but it has {Hashes(proof.Count)}");
            }

            if (size1 == 0 && !root1.SequenceEqual(MerkleHash.EmptyRoot))
            {
                return VerificationResult.Invalid("the trees are empty but root1 is not the empty tree's root (SHA-256 of nothing)");
            }

            if (size1 == 0 && !root2.SequenceEqual(MerkleHash.EmptyRoot))
            {
                return VerificationResult.Invalid("the trees are empty but root2 is not the empty tree's root (SHA-256 of nothing)");
            }

            return root1.SequenceEqual(root2)
                ? VerificationResult.Valid
                : VerificationResult.Invalid("the sizes are equal but root1 and root2 differ");
        }

        if (size1 == 0)
        {
            return VerificationResult.Invalid("size1 is 0: every tree extends the empty tree, so a consistency proof from it proves nothing");
        }

        if (root1.Length != MerkleHash.Size)
        {
            return VerificationResult.Invalid($"root1 has {root1.Length} bytes, expected {MerkleHash.Size}");
        }

        if (root2.Length != MerkleHash.Size)
        {
            return VerificationResult.Invalid($"root2 has {root2.Length} bytes, expected {MerkleHash.Size}");
        }

        // The proof is the tail of the inclusion proof of leaf size1-1 in the tree of size2, minus the levels below
        // the largest complete subtree that ends at size1 (its `shift` lowest levels), whose hash starts the chain
        // instead. That subtree's hash comes first in the proof unless it is the whole old tree, i.e. root1.
        var (inner, border) = DecomposeInclusionProof(size1 - 1, size2);
        var shift = BitOperations.TrailingZeroCount(size1);
        inner -= shift;
        var seedIsRoot1 = size1 == 1UL << shift;
        var start = seedIsRoot1 ? 0 : 1;
        if (CheckProofShape(proof, start + inner + border) is { } shapeError)
        {
            return shapeError;
        }

        ReadOnlySpan<byte> seed = seedIsRoot1 ? root1 : proof[0];
        var mask = (size1 - 1) >> shift;

        Span<byte> calculated1 = stackalloc byte[MerkleHash.Size];
        seed.CopyTo(calculated1);
        ChainInnerRight(calculated1, proof, start, inner, mask);
        ChainBorderRight(calculated1, proof, start + inner, border);
        if (Match(calculated1, root1, "root1") is { IsValid: false } mismatch1)
        {
            return mismatch1;
        }

        Span<byte> calculated2 = stackalloc byte[MerkleHash.Size];
        seed.CopyTo(calculated2);
        ChainInner(calculated2, proof, start, inner, mask);
        ChainBorderRight(calculated2, proof, start + inner, border);
        return Match(calculated2, root2, "root2");
    }

    /// <summary>Splits the inclusion proof of leaf <paramref name="index"/> in a tree of <paramref name="size"/>
    /// leaves at the level where the paths to <paramref name="index"/> and to the last leaf join: below it (inner)
    /// the siblings can lie on either side, above it (border) they are all complete subtrees on the left.</summary>
    private static (int Inner, int Border) DecomposeInclusionProof(ulong index, ulong size)
    {
        var inner = 64 - BitOperations.LeadingZeroCount(index ^ (size - 1));
        var border = BitOperations.PopCount(index >> inner);
        return (inner, border);
    }

    private static VerificationResult? CheckProofShape(IReadOnlyList<byte[]> proof, int expectedCount)
    {
        if (proof.Count != expectedCount)
        {
            return VerificationResult.Invalid($"proof has {Hashes(proof.Count)}, expected {expectedCount}");
        }

        for (var i = 0; i < proof.Count; i++)
        {
            var length = proof[i]?.Length ?? 0;
            if (length != MerkleHash.Size)
            {
                return VerificationResult.Invalid($"proof hash {i} has {length} bytes, expected {MerkleHash.Size}");
            }
        }

        return null;
    }

    /// <summary>Climbs from a node at position <paramref name="index"/> on its level, with siblings on the side the
    /// index's bits say.</summary>
    private static void ChainInner(Span<byte> seed, IReadOnlyList<byte[]> proof, int from, int count, ulong index)
    {
        for (var i = 0; i < count; i++)
        {
            if (((index >> i) & 1) == 0)
            {
                MerkleHash.HashChildren(seed, proof[from + i], seed);
            }
            else
            {
                MerkleHash.HashChildren(proof[from + i], seed, seed);
            }
        }
    }

    /// <summary>Like <see cref="ChainInner"/> but skips right siblings: the result is the same subtree as it was
    /// before those later leaves existed, which is how the old root is rebuilt.</summary>
    private static void ChainInnerRight(Span<byte> seed, IReadOnlyList<byte[]> proof, int from, int count, ulong index)
    {
        for (var i = 0; i < count; i++)
        {
            if (((index >> i) & 1) == 1)
            {
                MerkleHash.HashChildren(proof[from + i], seed, seed);
            }
        }
    }

    private static void ChainBorderRight(Span<byte> seed, IReadOnlyList<byte[]> proof, int from, int count)
    {
        for (var i = 0; i < count; i++)
        {
            MerkleHash.HashChildren(proof[from + i], seed, seed);
        }
    }

    private static VerificationResult Match(ReadOnlySpan<byte> calculated, ReadOnlySpan<byte> given, string name) =>
        calculated.SequenceEqual(given)
            ? VerificationResult.Valid
            : VerificationResult.Invalid(
                $"calculated {name} {Convert.ToHexStringLower(calculated)} does not match the given {name} {Convert.ToHexStringLower(given)}");

    private static string Hashes(int count) => count == 1 ? "1 hash" : $"{count} hashes";
}
