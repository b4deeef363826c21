using System.Security.Cryptography;
using RightsDesk.Core.Ledger;

namespace RightsDesk.Core.Tests.Ledger;

public class TreeHeadSignerTests
{
    private static readonly byte[] Root = Convert.FromHexString("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    private static readonly DateTimeOffset At = new(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    [Fact]
    public void Signed_bytes_are_the_rfc6962_tree_head_signature_structure()
    {
        var head = new TreeHead(8, Root, At, []);
        Assert.Equal(
            "00010000018cc820db2e00000000000000085dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
            Convert.ToHexStringLower(head.ToSignedBytes()));
        Assert.Equal(TreeHead.SignedLength, head.ToSignedBytes().Length);
    }

    [Fact]
    public void Timestamps_are_kept_to_the_millisecond_in_utc()
    {
        var local = new DateTimeOffset(2024, 1, 2, 5, 4, 5, 678, TimeSpan.FromHours(2)).AddTicks(9_999);
        var head = new TreeHead(8, Root, local, []);
        Assert.Equal(At, head.Timestamp);
        Assert.Equal(TimeSpan.Zero, head.Timestamp.Offset);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreeHead(8, Root, DateTimeOffset.UnixEpoch.AddMilliseconds(-1), []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreeHead(-1, Root, At, []));
        Assert.Throws<ArgumentException>(() => new TreeHead(8, Root.AsSpan(1), At, []));
    }

    [Fact]
    public void A_signed_head_verifies_and_is_der_encoded()
    {
        using var key = TreeHeadSigner.CreateKey();
        var signer = new TreeHeadSigner(key);
        var head = signer.Sign(8, Root, At);

        Assert.True(signer.Verify(head).IsValid);
        Assert.True(TreeHeadSigner.Verify(head, key).IsValid);
        Assert.Equal(0x30, head.Signature.Span[0]);
        Assert.Equal(8, head.Size);
        Assert.True(head.RootHash.Span.SequenceEqual(Root));
        Assert.Equal(At, head.Timestamp);
    }

    [Fact]
    public void Tampering_with_size_root_timestamp_or_signature_fails()
    {
        using var key = TreeHeadSigner.CreateKey();
        var signer = new TreeHeadSigner(key);
        var head = signer.Sign(8, Root, At);

        var otherRoot = (byte[])Root.Clone();
        otherRoot[31] ^= 1;
        var signature = head.Signature.ToArray();
        signature[^1] ^= 1;

        Assert.False(signer.Verify(head with { Size = 9 }).IsValid);
        Assert.False(signer.Verify(head with { RootHash = otherRoot }).IsValid);
        Assert.False(signer.Verify(head with { Timestamp = At.AddMilliseconds(1) }).IsValid);
        Assert.False(signer.Verify(head with { Signature = signature }).IsValid);
        Assert.Equal("the tree head is not signed", signer.Verify(head with { Signature = ReadOnlyMemory<byte>.Empty }).Reason);

        using var otherKey = TreeHeadSigner.CreateKey();
        Assert.False(TreeHeadSigner.Verify(head, otherKey).IsValid);
    }

    [Fact]
    public void Heads_compare_by_content()
    {
        var a = new TreeHead(8, Root, At, [1, 2, 3]);
        var b = new TreeHead(8, (byte[])Root.Clone(), At, [1, 2, 3]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Signature = new byte[] { 1, 2, 4 } });
    }

    [Fact]
    public void The_public_key_round_trips_through_pem_and_verifies()
    {
        using var key = TreeHeadSigner.CreateKey();
        var signer = new TreeHeadSigner(key);
        var head = signer.Sign(8, Root, At);

        var pem = signer.ExportPublicKeyPem();
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        using var imported = TreeHeadSigner.ImportPublicKeyPem(pem);
        Assert.Equal(pem, imported.ExportSubjectPublicKeyInfoPem());
        Assert.True(TreeHeadSigner.Verify(head, imported).IsValid);
        Assert.False(TreeHeadSigner.Verify(head with { Size = 7 }, imported).IsValid);

        // The imported key verifies but cannot sign: only the public half was published.
        Assert.ThrowsAny<CryptographicException>(() => imported.SignData([1], HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Only_a_p256_public_key_block_is_imported()
    {
        using var key = TreeHeadSigner.CreateKey();
        Assert.Throws<FormatException>(() => TreeHeadSigner.ImportPublicKeyPem(key.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<FormatException>(() => TreeHeadSigner.ImportPublicKeyPem("not a key"));
        Assert.Throws<FormatException>(() => TreeHeadSigner.ImportPublicKeyPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
        Assert.Throws<FormatException>(() => TreeHeadSigner.ImportPublicKeyPem(key.ExportSubjectPublicKeyInfoPem() + "\ntrailing"));

        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<FormatException>(() => TreeHeadSigner.ImportPublicKeyPem(p384.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<ArgumentException>(() => new TreeHeadSigner(p384));
    }
}
