using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// RFC 6238 as authenticator apps implement it (HMAC-SHA1, 30-second steps, six digits), over the base32 secret
/// Identity issues. Written here rather than taken from Identity's provider because that one accepts two steps either
/// side (about 150 seconds), reads the wall clock, and does not say which step matched, which replay refusal needs.
/// </summary>
public static class TotpCodes
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>How many steps either side of the server's own a code may come from: one (clock drift, a slow typist).</summary>
    public const int Window = 1;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6238 TOTP as authenticator apps compute it is HMAC-SHA1; an HMAC's security does not rest on SHA-1's collision resistance.")]
    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, mac);
        var offset = mac[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The step within the window whose code this is, or null. Every step of the window is computed and compared in
    /// constant time whatever the input, so the answer takes the same time for a right code, a wrong one and a decoy.
    /// </summary>
    public static long? Match(byte[] key, string code, long currentStep)
    {
        var given = Encoding.ASCII.GetBytes(code.Length == Digits ? code : new string('x', Digits));
        long? matched = null;
        for (var step = currentStep - Window; step <= currentStep + Window; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), given))
            {
                matched = step;
            }
        }

        return matched;
    }

    /// <summary>Decodes an RFC 4648 base32 secret (case and spaces ignored), as Identity stores and apps show it.</summary>
    public static byte[] DecodeBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '=')
            {
                continue;
            }

            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator secret is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
