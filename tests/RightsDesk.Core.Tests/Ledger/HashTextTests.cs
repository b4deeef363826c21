using RightsDesk.Core.Ledger;

namespace RightsDesk.Core.Tests.Ledger;

public class HashTextTests
{
    private const string Hex = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
    private const string Base64 = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=";

    [Fact]
    public void Hex_and_base64_hashes_parse_to_the_same_bytes()
    {
        Assert.True(HashText.TryParseHash(Hex, HashEncoding.Hex, out var fromHex, out _));
        Assert.True(HashText.TryParseHash(Hex.ToUpperInvariant(), HashEncoding.Hex, out var fromUpper, out _));
        Assert.True(HashText.TryParseHash(Base64, HashEncoding.Base64, out var fromBase64, out _));
        Assert.Equal(fromHex, fromUpper);
        Assert.Equal(fromHex, fromBase64);
        Assert.Equal(Hex, HashText.ToHex(fromHex));
    }

    [Theory]
    [InlineData("", "is empty, expected a SHA-256 hash")]
    [InlineData("5dc9", "has 4 hex digits, expected 64 (a 32-byte SHA-256 hash)")]
    [InlineData(Hex + "00", "has 66 hex digits, expected 64 (a 32-byte SHA-256 hash)")]
    [InlineData("0x" + Hex, "has 'x' at position 2, which is not a hex digit")]
    [InlineData(" " + Hex, "has whitespace at position 1, which is not a hex digit")]
    [InlineData("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff460432g", "has 'g' at position 64, which is not a hex digit")]
    public void Bad_hex_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(HashText.TryParseHash(text, HashEncoding.Hex, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg", "has 43 base64 characters, expected 44 (a 32-byte SHA-256 hash)")]
    [InlineData("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=", "is not the canonical base64 form of a 32-byte hash")]
    [InlineData("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQy==", "is not the canonical base64 form of a 32-byte hash")]
    [InlineData("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz-Nw7/RgQyg=", "has '-' at position 34, which is not a base64 character")]
    public void Bad_base64_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(HashText.TryParseHash(text, HashEncoding.Base64, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Proof_lists_parse_strictly()
    {
        Assert.True(HashText.TryParseProof("", HashEncoding.Hex, out var empty, out _));
        Assert.Empty(empty);

        Assert.True(HashText.TryParseProof(Hex + "," + Hex.ToUpperInvariant(), HashEncoding.Hex, out var two, out _));
        Assert.Equal(2, two.Count);
        Assert.Equal(Hex + "," + Hex, HashText.ToHexProof(two));

        Assert.False(HashText.TryParseProof(Hex + ",", HashEncoding.Hex, out _, out var trailing));
        Assert.Equal("hash 2 of 2 is empty (a doubled, leading or trailing comma?)", trailing);
        Assert.False(HashText.TryParseProof(Hex + ", " + Hex, HashEncoding.Hex, out _, out var spaced));
        Assert.Equal("hash 2 of 2 has whitespace at position 1, which is not a hex digit", spaced);
        Assert.False(HashText.TryParseProof(Hex + ",abc", HashEncoding.Hex, out _, out var shortItem));
        Assert.Equal("hash 2 of 2 has 3 hex digits, expected 64 (a 32-byte SHA-256 hash)", shortItem);
        Assert.False(HashText.TryParseProof(null, HashEncoding.Hex, out _, out _));
    }
}
