using System.Text.Json;
using RightsDesk.Core.Ledger;

namespace RightsDesk.Core.Tests.Ledger;

/// <summary>
/// Every inclusion and consistency case of the shared transparency-dev/merkle vectors: "wantErr": true must be
/// rejected and false accepted. Where a case is an honest proof from the README's eight-leaf tree, the proof our
/// tree generates must also be byte for byte the one in the file.
/// </summary>
public class Rfc6962VectorTests
{
    private const string MissingPrefix = "MISSING ";

    // The leaves the vectors' tree was built from (README.md of the test data).
    private static readonly string[] ReadmeLeaves =
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    public static TheoryData<string> Cases()
    {
        var root = TestDataDirectory.Rfc6962;
        var data = new TheoryData<string>();
        if (!Directory.Exists(root))
        {
            // A case that fails, rather than no cases: an empty theory would pass and hide that nothing was checked.
            data.Add(MissingPrefix + root);
            return data;
        }

        foreach (var kind in new[] { "inclusion", "consistency" })
        {
            var dir = Path.Combine(root, kind);
            var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories) : [];
            if (files.Length == 0)
            {
                data.Add(MissingPrefix + dir);
            }

            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_is_accepted_or_rejected_as_the_vector_says(string relativePath)
    {
        Assert.False(relativePath.StartsWith(MissingPrefix, StringComparison.Ordinal),
            $"The RFC 6962 test vectors were not found: {relativePath[MissingPrefix.Length..]} (expected ../shared/testdata/rfc6962 next to the repository).");

        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestDataDirectory.Rfc6962, relativePath)));
        var json = doc.RootElement;
        var wantErr = json.GetProperty("wantErr").GetBoolean();
        var proof = Proof(json);

        if (relativePath.StartsWith("inclusion/", StringComparison.Ordinal))
        {
            var index = json.GetProperty("leafIdx").GetUInt64();
            var size = json.GetProperty("treeSize").GetUInt64();
            var root = Bytes(json, "root");
            var leafHash = Bytes(json, "leafHash");
            var result = MerkleVerifier.VerifyInclusion(leafHash, index, size, proof, root);
            Assert.True(result.IsValid != wantErr, $"{json.GetProperty("desc").GetString()}: wantErr {wantErr}, got {result}");

            if (!wantErr && size <= (ulong)ReadmeTree.Size && ReadmeTree.RootHash((long)size).AsSpan().SequenceEqual(root))
            {
                AssertSameProof(proof, ReadmeTree.InclusionProof((long)index, (long)size));
            }
        }
        else
        {
            var size1 = json.GetProperty("size1").GetUInt64();
            var size2 = json.GetProperty("size2").GetUInt64();
            var root1 = Bytes(json, "root1");
            var root2 = Bytes(json, "root2");
            var result = MerkleVerifier.VerifyConsistency(size1, size2, root1, root2, proof);
            Assert.True(result.IsValid != wantErr, $"{json.GetProperty("desc").GetString()}: wantErr {wantErr}, got {result}");

            if (!wantErr && size2 <= (ulong)ReadmeTree.Size && ReadmeTree.RootHash((long)size2).AsSpan().SequenceEqual(root2))
            {
                AssertSameProof(proof, ReadmeTree.ConsistencyProof((long)size1, (long)size2));
            }
        }
    }

    [Fact]
    public void The_readme_tree_has_the_readme_root()
    {
        Assert.Equal("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", HashText.ToHex(ReadmeTree.RootHash()));
    }

    private static readonly MerkleTree ReadmeTree = BuildReadmeTree();

    private static MerkleTree BuildReadmeTree()
    {
        var tree = new MerkleTree();
        foreach (var leaf in ReadmeLeaves)
        {
            tree.AppendEntry(Convert.FromHexString(leaf));
        }

        return tree;
    }

    private static void AssertSameProof(IReadOnlyList<byte[]> expected, byte[][] actual) =>
        Assert.Equal(HashText.ToHexProof(expected), HashText.ToHexProof(actual));

    // The vectors write absent byte fields as "" or null; both are zero bytes, which a verifier must refuse where a
    // hash is needed.
    private static byte[] Bytes(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetBytesFromBase64()
            : [];

    private static byte[][] Proof(JsonElement json) =>
        json.TryGetProperty("proof", out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(p => p.GetBytesFromBase64())]
            : [];
}
