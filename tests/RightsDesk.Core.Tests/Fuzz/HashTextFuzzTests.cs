using FsCheck;
using FsCheck.Fluent;
using RightsDesk.Core.Ledger;
using RightsDesk.Tests.Fuzz;

namespace RightsDesk.Core.Tests.Fuzz;

/// <summary>
/// The strict hash and proof parsers never throw, accept exactly the canonical forms, and round-trip what they print.
/// </summary>
public class HashTextFuzzTests
{
    private static readonly Gen<char> HashChars = Gen.Frequency(
        (8, Gen.Elements("0123456789abcdefABCDEF".ToCharArray())),
        (2, Gen.Elements("+/=,gGxX- \t\n\r\0é٣".ToCharArray())),
        (1, Gen.Choose(0, 0xFFFF).Select(c => (char)c)));

    /// <summary>Near-misses of hashes and proofs: right alphabet, wrong lengths, stray separators and characters.</summary>
    private static readonly Gen<string> NearMiss = Gen.OneOf(
        Gen.ArrayOf(HashChars).Select(cs => new string(cs)),
        Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Gen.ArrayOf(HashChars, 64).Select(cs => new string(cs)), n)).Select(hs => string.Join(",", hs)),
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32).Select(Convert.ToBase64String).SelectMany(b => Gen.Choose(0, 44).Select(i => i < 44 ? b.Remove(i, 1) : b)),
        Gen.Elements("", ",", ",,", " ", "0x" + new string('0', 62), new string('0', 64) + ",", "," + new string('0', 64)));

    [Fact]
    public void Hash_and_proof_parsers_never_throw() => FuzzCheck.Run("hash text", NearMiss, 1500, text =>
    {
        foreach (var encoding in new[] { HashEncoding.Hex, HashEncoding.Base64 })
        {
            if (HashText.TryParseHash(text, encoding, out var hash, out var error))
            {
                Assert.Equal(MerkleHash.Size, hash.Length);
                Assert.Null(error);
                if (encoding == HashEncoding.Hex)
                {
                    Assert.Equal(text.ToLowerInvariant(), HashText.ToHex(hash));
                }
                else
                {
                    Assert.Equal(text, Convert.ToBase64String(hash));
                }
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
            }

            if (HashText.TryParseProof(text, encoding, out var proof, out var proofError))
            {
                Assert.All(proof, h => Assert.Equal(MerkleHash.Size, h.Length));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(proofError));
            }
        }
    });

    [Fact]
    public void Printed_proofs_parse_back_to_the_same_hashes() => FuzzCheck.Run("proof round trip",
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32), n)), 300, proof =>
        {
            Assert.True(HashText.TryParseProof(HashText.ToHexProof(proof), HashEncoding.Hex, out var back, out var error), error);
            Assert.Equal(proof.Length, back.Count);
            for (var i = 0; i < proof.Length; i++)
            {
                Assert.Equal(proof[i], back[i]);
            }

            // Auditors paste hashes in either case.
            Assert.True(HashText.TryParseProof(HashText.ToHexProof(proof).ToUpperInvariant(), HashEncoding.Hex, out _, out _));
        });
}
