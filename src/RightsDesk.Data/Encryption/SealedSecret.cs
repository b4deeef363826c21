using System.Security.Cryptography;

namespace RightsDesk.Data.Encryption;

/// <summary>
/// A secret kept in a text column of a table we do not own (Identity's token table): "sealed:" + base64 of the
/// wrapped data key's length (2 bytes), the wrapped data key, and the secret sealed under that key.
/// </summary>
public static class SealedSecret
{
    public const string Prefix = "sealed:";

    public static string Seal(FieldCipher cipher, string secret, SealingContext context)
    {
        var (dek, wrapped) = cipher.NewDataKey();
        return Pack(wrapped, cipher.Encrypt(dek, secret, context));
    }

    public static string Open(FieldCipher cipher, string stored, SealingContext context)
    {
        var (wrapped, sealedSecret) = Unpack(stored);
        return cipher.Decrypt(cipher.Unwrap(wrapped), sealedSecret, context);
    }

    /// <summary>The same secret with its data key re-wrapped under the current key encryption key.</summary>
    public static string Rewrap(FieldCipher cipher, string stored)
    {
        var (wrapped, sealedSecret) = Unpack(stored);
        return Pack(cipher.Rewrap(wrapped), sealedSecret);
    }

    public static bool IsSealed(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static string WrappedUnder(string stored) => FieldCipher.WrappedUnder(Unpack(stored).Wrapped);

    private static string Pack(byte[] wrapped, byte[] sealedSecret)
    {
        var blob = new byte[2 + wrapped.Length + sealedSecret.Length];
        blob[0] = (byte)(wrapped.Length >> 8);
        blob[1] = (byte)wrapped.Length;
        wrapped.CopyTo(blob, 2);
        sealedSecret.CopyTo(blob, 2 + wrapped.Length);
        return Prefix + Convert.ToBase64String(blob);
    }

    private static (byte[] Wrapped, byte[] Sealed) Unpack(string stored)
    {
        if (!IsSealed(stored))
        {
            throw new CryptographicException("The secret is not sealed; refusing to use a clear-text secret.");
        }

        var blob = Convert.FromBase64String(stored[Prefix.Length..]);
        var length = blob.Length >= 2 ? (blob[0] << 8) | blob[1] : int.MaxValue;
        if (blob.Length < 2 + length)
        {
            throw new CryptographicException("The sealed secret is malformed.");
        }

        return (blob.AsSpan(2, length).ToArray(), blob.AsSpan(2 + length).ToArray());
    }
}
