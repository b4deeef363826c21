using System.Security.Cryptography;
using System.Text;

namespace RightsDesk.Data.Encryption;

/// <summary>
/// Envelope encryption for sensitive fields: each record has its own random 256-bit data key, wrapped (AES-256-GCM)
/// under the current key encryption key. Each field is sealed with the data key and bound, through the associated
/// data, to its table, column and record, so a ciphertext copied into another row or column fails to open.
/// </summary>
public sealed class FieldCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte Format = 1;

    private readonly KeyStore keys;

    /// <summary>A cipher that follows the key file, so a rotation made while it runs is picked up.</summary>
    public FieldCipher(KeyStore keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        this.keys = keys;
    }

    public FieldCipher(KeyRing ring)
        : this(new KeyStore(ring))
    {
    }

    public KeyRing Ring => keys.Ring;

    /// <summary>A new data key and its wrapped form (to store with the record).</summary>
    public (byte[] DataKey, byte[] Wrapped) NewDataKey()
    {
        var dek = RandomNumberGenerator.GetBytes(32);
        return (dek, Wrap(dek));
    }

    public byte[] Wrap(byte[] dataKey)
    {
        var ring = keys.Ring;
        var id = Encoding.ASCII.GetBytes(ring.CurrentId);
        var sealedKey = Seal(ring.Current, dataKey, id);
        var result = new byte[1 + id.Length + sealedKey.Length];
        result[0] = (byte)id.Length;
        id.CopyTo(result, 1);
        sealedKey.CopyTo(result, 1 + id.Length);
        return result;
    }

    public byte[] Unwrap(byte[] wrapped)
    {
        if (wrapped.Length < 1 + NonceSize + TagSize || wrapped[0] == 0 || wrapped.Length < 1 + wrapped[0] + NonceSize + TagSize)
        {
            throw new CryptographicException("The wrapped data key is malformed.");
        }

        var idBytes = wrapped.AsSpan(1, wrapped[0]).ToArray();
        var id = Encoding.ASCII.GetString(idBytes);

        // A KEK this process has not seen yet was most likely just made by `keys rotate`: read the file again.
        if (!keys.Ring.TryGet(id, out var kek) && !(keys.Reload() && keys.Ring.TryGet(id, out kek)))
        {
            throw new CryptographicException($"The data key is wrapped under key '{id}', which is not in the key file.");
        }

        return Open(kek, wrapped.AsSpan(1 + idBytes.Length).ToArray(), idBytes);
    }

    /// <summary>The same data key wrapped under the current KEK (for rotation).</summary>
    public byte[] Rewrap(byte[] wrapped) => Wrap(Unwrap(wrapped));

    /// <summary>The id of the KEK a wrapped data key is under (for rotation).</summary>
    public static string WrappedUnder(byte[] wrapped) => Encoding.ASCII.GetString(wrapped, 1, wrapped[0]);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Sealing is reached only through the injected cipher (the one seam keys and contexts pass through); static helpers would invite sealing around it.")]
    public byte[] Encrypt(byte[] dataKey, string plaintext, SealingContext context) =>
        Seal(dataKey, Encoding.UTF8.GetBytes(plaintext), Encoding.UTF8.GetBytes(context.Text));

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "As Encrypt: reached only through the injected cipher.")]
    public byte[] EncryptBytes(byte[] dataKey, byte[] plaintext, SealingContext context) =>
        Seal(dataKey, plaintext, Encoding.UTF8.GetBytes(context.Text));

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "As Encrypt: reached only through the injected cipher.")]
    public string Decrypt(byte[] dataKey, byte[] sealedValue, SealingContext context) =>
        Encoding.UTF8.GetString(Open(dataKey, sealedValue, Encoding.UTF8.GetBytes(context.Text)));

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "As Encrypt: reached only through the injected cipher.")]
    public byte[] DecryptBytes(byte[] dataKey, byte[] sealedValue, SealingContext context) =>
        Open(dataKey, sealedValue, Encoding.UTF8.GetBytes(context.Text));

    /// <summary>A keyed, deterministic index of an identifier, so lookups never need the plaintext in the database.</summary>
    public string BlindIndex(string purpose, string normalisedValue) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keys.Ring.IndexKey, Encoding.UTF8.GetBytes(purpose + "\0" + normalisedValue)));

    private static byte[] Seal(byte[] key, byte[] plaintext, byte[] associated)
    {
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = Format;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key, TagSize);
        gcm.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), associated);
        return output;
    }

    private static byte[] Open(byte[] key, byte[] sealedValue, byte[] associated)
    {
        if (sealedValue.Length < 1 + NonceSize + TagSize || sealedValue[0] != Format)
        {
            throw new CryptographicException("The encrypted value is malformed or of an unknown format.");
        }

        var plaintext = new byte[sealedValue.Length - 1 - NonceSize - TagSize];
        using var gcm = new AesGcm(key, TagSize);
        gcm.Decrypt(sealedValue.AsSpan(1, NonceSize), sealedValue.AsSpan(1 + NonceSize + TagSize), sealedValue.AsSpan(1 + NonceSize, TagSize), plaintext, associated);
        return plaintext;
    }
}
