using RightsDesk.Core.Ledger;

namespace RightsDesk.Core.Tests.Ledger;

/// <summary>
/// The tree against <see cref="NaiveRfc6962"/> for every size up to 300: roots, every inclusion proof, consistency
/// proofs for every pair of sizes up to 64 and a fixed sample beyond, each accepted by the verifier and each
/// rejected once any one of its hashes has a flipped bit.
/// </summary>
public class MerkleTreeTests
{
    private const int MaxSize = 300;
    private const int AllPairsUpTo = 64;
    private const int SampledPairs = 3_000;

    private static readonly byte[][] Entries = MakeEntries(MaxSize);

    [Fact]
    public void Known_answers_from_the_rfc_hash_definitions()
    {
        // SHA-256 of nothing, and SHA-256(0x00) for the empty entry's leaf, as every RFC 6962 implementation has them.
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HashText.ToHex(MerkleHash.EmptyRoot));
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", HashText.ToHex(MerkleHash.HashLeaf([])));
        Assert.Equal(HashText.ToHex(MerkleHash.EmptyRoot), HashText.ToHex(new MerkleTree().RootHash()));
    }

    [Fact]
    public void Leaf_hashes_of_long_entries_match_the_short_path()
    {
        // Entries above the on-stack limit are hashed in two parts; the result must not depend on which path ran.
        byte[][] entries = [new byte[511], new byte[512], [.. Enumerable.Range(0, 513).Select(i => (byte)i)], new byte[70_000]];
        var naive = new NaiveRfc6962(entries);
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.Equal(HashText.ToHex(naive.LeafHash(i)), HashText.ToHex(MerkleHash.HashLeaf(entries[i])));
        }
    }

    [Fact]
    public void Every_root_matches_the_rfc_definition()
    {
        var naive = new NaiveRfc6962(Entries);
        var tree = new MerkleTree();
        Assert.Equal(HashText.ToHex(naive.Mth(0, 0)), HashText.ToHex(tree.RootHash()));
        for (var n = 1; n <= MaxSize; n++)
        {
            Assert.Equal(n - 1, tree.AppendEntry(Entries[n - 1]));
            Assert.True(naive.Mth(0, n).AsSpan().SequenceEqual(tree.RootHash()), $"root of size {n} after appending");
        }

        for (var n = 0; n <= MaxSize; n++)
        {
            Assert.True(naive.Mth(0, n).AsSpan().SequenceEqual(tree.RootHash(n)), $"root of earlier size {n}");
        }
    }

    [Fact]
    public void Every_inclusion_proof_matches_the_rfc_and_verifies_and_no_flipped_bit_does()
    {
        var naive = new NaiveRfc6962(Entries);
        var tree = BuildTree(MaxSize);
        for (var n = 1; n <= MaxSize; n++)
        {
            var root = tree.RootHash(n);
            for (var m = 0; m < n; m++)
            {
                var where = $"leaf {m} of size {n}";
                var proof = tree.InclusionProof(m, n);
                Assert.True(HashText.ToHexProof(naive.Path(m, n)) == HashText.ToHexProof(proof), $"proof of {where} differs from PATH");

                var leaf = tree.LeafHash(m);
                AssertValid(MerkleVerifier.VerifyInclusion(leaf, (ulong)m, (ulong)n, proof, root), where);
                for (var i = 0; i < proof.Length; i++)
                {
                    var bit = ((m * 7) + (i * 13) + n) % 256;
                    AssertInvalid(MerkleVerifier.VerifyInclusion(leaf, (ulong)m, (ulong)n, FlipBit(proof, i, bit), root), $"{where}, hash {i} bit {bit}");
                }

                AssertInvalid(MerkleVerifier.VerifyInclusion(Flip(leaf, m % 256), (ulong)m, (ulong)n, proof, root), $"{where}, flipped leaf");
                AssertInvalid(MerkleVerifier.VerifyInclusion(leaf, (ulong)m, (ulong)n, proof, Flip(root, n % 256)), $"{where}, flipped root");
            }
        }
    }

    [Fact]
    public void Consistency_proofs_match_the_rfc_and_verify_and_no_flipped_bit_does()
    {
        var naive = new NaiveRfc6962(Entries);
        var tree = BuildTree(MaxSize);
        var pairs = new List<(int, int)>();
        for (var size2 = 1; size2 <= AllPairsUpTo; size2++)
        {
            for (var size1 = 1; size1 <= size2; size1++)
            {
                pairs.Add((size1, size2));
            }
        }

        var random = new Random(6962);
        for (var i = 0; i < SampledPairs; i++)
        {
            var size2 = random.Next(AllPairsUpTo + 1, MaxSize + 1);
            pairs.Add((random.Next(1, size2 + 1), size2));
        }

        foreach (var (size1, size2) in pairs)
        {
            var where = $"sizes {size1} -> {size2}";
            var proof = tree.ConsistencyProof(size1, size2);
            Assert.True(HashText.ToHexProof(naive.Proof(size1, size2)) == HashText.ToHexProof(proof), $"proof for {where} differs from PROOF");

            var root1 = tree.RootHash(size1);
            var root2 = tree.RootHash(size2);
            AssertValid(MerkleVerifier.VerifyConsistency((ulong)size1, (ulong)size2, root1, root2, proof), where);
            for (var i = 0; i < proof.Length; i++)
            {
                var bit = ((size1 * 5) + (i * 11) + size2) % 256;
                AssertInvalid(MerkleVerifier.VerifyConsistency((ulong)size1, (ulong)size2, root1, root2, FlipBit(proof, i, bit)), $"{where}, hash {i} bit {bit}");
            }

            AssertInvalid(MerkleVerifier.VerifyConsistency((ulong)size1, (ulong)size2, root1, Flip(root2, size2 % 256), proof), $"{where}, flipped root2");
            if (size1 < size2)
            {
                AssertInvalid(MerkleVerifier.VerifyConsistency((ulong)size1, (ulong)size2, Flip(root1, size1 % 256), root2, proof), $"{where}, flipped root1");
                AssertInvalid(MerkleVerifier.VerifyConsistency((ulong)size1, (ulong)size2, root1, root2, proof[..^1]), $"{where}, last hash dropped");
                AssertInvalid(MerkleVerifier.VerifyConsistency((ulong)size1, (ulong)size2, root1, root2, [.. proof, root1]), $"{where}, root1 appended");
            }
        }
    }

    [Fact]
    public void Proofs_from_the_empty_tree_and_between_equal_sizes_are_empty()
    {
        var tree = BuildTree(10);
        Assert.Empty(tree.ConsistencyProof(0, 10));
        Assert.Empty(tree.ConsistencyProof(0, 0));
        Assert.Empty(tree.ConsistencyProof(7, 7));
        Assert.Empty(tree.InclusionProof(0, 1));
        AssertValid(MerkleVerifier.VerifyConsistency(0, 0, MerkleHash.EmptyRoot, tree.RootHash(0), []), "empty to empty");
        AssertInvalid(MerkleVerifier.VerifyConsistency(0, 10, MerkleHash.EmptyRoot, tree.RootHash(), []), "empty to 10");
    }

    [Fact]
    public void Batched_and_parallel_appends_build_the_same_tree_across_chunk_boundaries()
    {
        // Enough leaves to cross the 32768-hash storage chunks at level 0 twice and to take the parallel paths.
        const int count = 70_003;
        var entries = MakeEntries(count);
        var naive = new NaiveRfc6962(entries);

        var oneByOne = new MerkleTree();
        foreach (var entry in entries)
        {
            oneByOne.AppendEntry(entry);
        }

        var leafHashes = new byte[count * MerkleHash.Size];
        for (var i = 0; i < count; i++)
        {
            MerkleHash.HashLeaf(entries[i], leafHashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }

        // Uneven batches, so batches start mid-subtree and mid-chunk.
        var byHashes = new MerkleTree();
        byHashes.AppendLeafHashes(leafHashes.AsSpan(0, 3 * MerkleHash.Size));
        byHashes.AppendLeafHashes(leafHashes.AsSpan(3 * MerkleHash.Size, 40_000 * MerkleHash.Size));
        byHashes.AppendLeafHashes(leafHashes.AsSpan(40_003 * MerkleHash.Size));

        var byEntries = new MerkleTree();
        byEntries.AppendEntries([.. entries.Take(5).Select(e => new ReadOnlyMemory<byte>(e))]);
        byEntries.AppendEntries([.. entries.Skip(5).Select(e => new ReadOnlyMemory<byte>(e))]);

        foreach (var tree in new[] { oneByOne, byHashes, byEntries })
        {
            Assert.Equal(count, tree.Size);
            foreach (var size in new[] { 1, 3, 4, 5, 32_767, 32_768, 32_769, 40_003, 65_535, 65_536, 65_537, count })
            {
                Assert.True(naive.Mth(0, size).AsSpan().SequenceEqual(tree.RootHash(size)), $"root of size {size}");
            }

            foreach (var (index, size) in new[] { (0, count), (32_767, count), (32_768, 65_537), (65_536, 65_537), (count - 1, count), (40_002, 40_004) })
            {
                Assert.Equal(HashText.ToHexProof(naive.Path(index, size)), HashText.ToHexProof(tree.InclusionProof(index, size)));
            }

            foreach (var (size1, size2) in new[] { (1, count), (32_768, count), (32_769, 65_536), (40_003, 65_537), (65_535, count) })
            {
                Assert.Equal(HashText.ToHexProof(naive.Proof(size1, size2)), HashText.ToHexProof(tree.ConsistencyProof(size1, size2)));
            }
        }
    }

    [Fact]
    public void Out_of_range_arguments_are_refused()
    {
        var tree = BuildTree(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.RootHash(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.RootHash(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(0, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(2, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.LeafHash(5));
        Assert.Throws<ArgumentException>(() => tree.AppendLeafHash(new byte[31]));
        Assert.Throws<ArgumentException>(() => tree.AppendLeafHashes(new byte[33]));
        Assert.Equal(5, tree.Size);
    }

    [Fact]
    public void Verifier_reasons_say_what_is_wrong()
    {
        var tree = BuildTree(8);
        var proof = tree.InclusionProof(2, 8);
        var leaf = tree.LeafHash(2);
        var root = tree.RootHash();

        Assert.Equal("index 9 is beyond tree size 8", MerkleVerifier.VerifyInclusion(leaf, 9, 8, proof, root).Reason);
        Assert.Equal("proof has 2 hashes, expected 3", MerkleVerifier.VerifyInclusion(leaf, 2, 8, proof[..2], root).Reason);
        Assert.Equal("the leaf hash has 31 bytes, expected 32", MerkleVerifier.VerifyInclusion(leaf[..31], 2, 8, proof, root).Reason);
        Assert.Equal("proof hash 1 has 0 bytes, expected 32", MerkleVerifier.VerifyInclusion(leaf, 2, 8, [proof[0], [], proof[2]], root).Reason);
        Assert.StartsWith("calculated root ", MerkleVerifier.VerifyInclusion(leaf, 3, 8, proof, root).Reason, StringComparison.Ordinal);
        Assert.Contains($"does not match the given root {HashText.ToHex(root)}", MerkleVerifier.VerifyInclusion(leaf, 3, 8, proof, root).Reason, StringComparison.Ordinal);

        var consistency = tree.ConsistencyProof(3, 8);
        Assert.Equal("size2 3 is smaller than size1 8", MerkleVerifier.VerifyConsistency(8, 3, root, tree.RootHash(3), consistency).Reason);
        Assert.StartsWith("calculated root1 ", MerkleVerifier.VerifyConsistency(3, 8, tree.RootHash(4), root, consistency).Reason, StringComparison.Ordinal);
        Assert.StartsWith("calculated root2 ", MerkleVerifier.VerifyConsistency(3, 8, tree.RootHash(3), tree.RootHash(7), consistency).Reason, StringComparison.Ordinal);
        Assert.Equal("valid", MerkleVerifier.VerifyConsistency(3, 8, tree.RootHash(3), root, consistency).ToString());
    }

    internal static byte[][] MakeEntries(int count)
    {
        // Varied lengths, including the empty entry, so leaf hashing is exercised beyond fixed-size input.
        var entries = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new byte[i % 37];
            for (var j = 0; j < entries[i].Length; j++)
            {
                entries[i][j] = (byte)((i * 31) + j);
            }
        }

        return entries;
    }

    private static MerkleTree BuildTree(int size)
    {
        var tree = new MerkleTree();
        foreach (var entry in Entries.Take(size))
        {
            tree.AppendEntry(entry);
        }

        return tree;
    }

    private static byte[] Flip(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static byte[][] FlipBit(byte[][] proof, int index, int bit)
    {
        var copy = (byte[][])proof.Clone();
        copy[index] = Flip(proof[index], bit);
        return copy;
    }

    private static void AssertValid(VerificationResult result, string where) =>
        Assert.True(result.IsValid, $"{where}: expected valid, got {result}");

    private static void AssertInvalid(VerificationResult result, string where) =>
        Assert.False(result.IsValid, $"{where}: expected a rejection");
}
