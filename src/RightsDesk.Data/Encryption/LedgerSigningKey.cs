using System.Security.Cryptography;
using RightsDesk.Core.Ledger;

namespace RightsDesk.Data.Encryption;

/// <summary>
/// The instance's tree-head signing key (ECDSA P-256). The private part lives in the key file with the KEKs, never in
/// the database; what is published is the public key and its id, the hex SHA-256 of its SubjectPublicKeyInfo, which
/// every stored tree head names (<see cref="Ledger.TreeHeadRecord.KeyId"/>).
/// </summary>
/// <remarks>The key lives as long as the process: it is held by the key ring, which is never disposed.</remarks>
public sealed class LedgerSigningKey
{
    private LedgerSigningKey(ECDsa key)
    {
        Signer = new TreeHeadSigner(key);
        SubjectPublicKeyInfo = key.ExportSubjectPublicKeyInfo();
        KeyId = KeyIdOf(SubjectPublicKeyInfo);
    }

    public TreeHeadSigner Signer { get; }

    /// <summary>The public key, DER-encoded X.509 SubjectPublicKeyInfo.</summary>
    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>Hex SHA-256 of <see cref="SubjectPublicKeyInfo"/>, lowercase.</summary>
    public string KeyId { get; }

    public string PublicKeyPem => Signer.ExportPublicKeyPem();

    public static string KeyIdOf(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    /// <summary>The key id of a public key, as tree heads name it.</summary>
    public static string KeyIdOf(ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return KeyIdOf(publicKey.ExportSubjectPublicKeyInfo());
    }

    /// <summary>A new random key, as PKCS#8 DER, the form the key file keeps.</summary>
    public static byte[] GeneratePkcs8()
    {
        using var fresh = TreeHeadSigner.CreateKey();
        return fresh.ExportPkcs8PrivateKey();
    }

    /// <exception cref="InvalidOperationException">when the bytes are not a P-256 private key.</exception>
    public static LedgerSigningKey FromPkcs8(byte[] pkcs8)
    {
        ArgumentNullException.ThrowIfNull(pkcs8);
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out var read);
            if (read != pkcs8.Length)
            {
                throw new InvalidOperationException("The ledger signing key in the key file has bytes after the key.");
            }

            return new LedgerSigningKey(key);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidOperationException(
                "The ledger signing key in the key file (\"signingKey\") is not an ECDSA P-256 private key in PKCS#8 form: " + ex.Message, ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The public half alone, for checking tree heads.</summary>
    public ECDsa ExportPublicKey()
    {
        var publicKey = ECDsa.Create();
        publicKey.ImportSubjectPublicKeyInfo(SubjectPublicKeyInfo, out _);
        return publicKey;
    }
}
