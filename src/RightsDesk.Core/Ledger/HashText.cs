using System.Diagnostics.CodeAnalysis;

namespace RightsDesk.Core.Ledger;

public enum HashEncoding
{
    /// <summary>64 hexadecimal digits, either case, nothing else (no 0x, no spaces).</summary>
    Hex,

    /// <summary>Standard base64 (RFC 4648 §4) with padding: 44 characters, canonical, no whitespace.</summary>
    Base64,
}

/// <summary>
/// Strict text forms of ledger hashes and proofs as an auditor types or pastes them. Strict on purpose: a lenient
/// parser that skipped a stray character or accepted a 31-byte value would turn a typo into a misleading "invalid
/// proof" instead of saying what is wrong with the input.
/// </summary>
public static class HashText
{
    private const int HexLength = MerkleHash.Size * 2;
    private const int Base64Length = (MerkleHash.Size + 2) / 3 * 4;

    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    /// <summary>The proof as comma-separated lowercase hex, the form <see cref="TryParseProof"/> reads; an empty
    /// proof is the empty string.</summary>
    public static string ToHexProof(IEnumerable<byte[]> proof) => string.Join(',', proof.Select(h => ToHex(h)));

    public static bool TryParseHash(
        string? text, HashEncoding encoding, [NotNullWhen(true)] out byte[]? hash, [NotNullWhen(false)] out string? error)
    {
        hash = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "is empty, expected a SHA-256 hash";
            return false;
        }

        error = encoding == HashEncoding.Hex ? CheckHex(text) : CheckBase64(text);
        if (error is not null)
        {
            return false;
        }

        hash = encoding == HashEncoding.Hex ? Convert.FromHexString(text) : Convert.FromBase64String(text);
        return true;
    }

    /// <summary>
    /// Reads a proof written as hashes separated by commas, for example <c>"ab12…,cd34…"</c>. The empty string is the
    /// empty proof (which some valid proofs are); an empty item, such as from a doubled or trailing comma, is refused.
    /// </summary>
    public static bool TryParseProof(
        string? text,
        HashEncoding encoding,
        [NotNullWhen(true)] out IReadOnlyList<byte[]>? proof,
        [NotNullWhen(false)] out string? error)
    {
        proof = null;
        if (text is null)
        {
            error = "is missing; give an empty string for an empty proof";
            return false;
        }

        if (text.Length == 0)
        {
            proof = [];
            error = null;
            return true;
        }

        var items = text.Split(',');
        var hashes = new byte[items.Length][];
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Length == 0)
            {
                error = $"hash {i + 1} of {items.Length} is empty (a doubled, leading or trailing comma?)";
                return false;
            }

            if (!TryParseHash(items[i], encoding, out var hash, out var itemError))
            {
                error = $"hash {i + 1} of {items.Length} {itemError}";
                return false;
            }

            hashes[i] = hash;
        }

        proof = hashes;
        error = null;
        return true;
    }

    private static string? CheckHex(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return $"has {Describe(text[i])} at position {i + 1}, which is not a hex digit";
            }
        }

        return text.Length == HexLength
            ? null
            : $"has {text.Length} hex digits, expected {HexLength} (a {MerkleHash.Size}-byte SHA-256 hash)";
    }

    private static string? CheckBase64(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return $"has {Describe(c)} at position {i + 1}, which is not a base64 character";
            }
        }

        if (text.Length != Base64Length)
        {
            return $"has {text.Length} base64 characters, expected {Base64Length} (a {MerkleHash.Size}-byte SHA-256 hash)";
        }

        // Exactly one '=' at the end and a decoding that re-encodes to the same text: anything else is either not
        // 32 bytes or a non-canonical spelling of them.
        var buffer = new byte[MerkleHash.Size + 2];
        if (text.IndexOf('=', StringComparison.Ordinal) != Base64Length - 1
            || !Convert.TryFromBase64String(text, buffer, out var written)
            || written != MerkleHash.Size
            || Convert.ToBase64String(buffer, 0, written) != text)
        {
            return "is not the canonical base64 form of a 32-byte hash";
        }

        return null;
    }

    private static string Describe(char c) =>
        char.IsWhiteSpace(c) ? "whitespace" : char.IsControl(c) ? $"control character U+{(int)c:X4}" : $"'{c}'";
}
