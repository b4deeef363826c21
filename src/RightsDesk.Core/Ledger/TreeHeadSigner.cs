using System.Security.Cryptography;

namespace RightsDesk.Core.Ledger;

/// <summary>
/// Signs and checks tree heads with ECDSA over NIST P-256 and SHA-256. The signature is DER-encoded
/// (RFC 3279 <c>ECDSA-Sig-Value</c>, the form RFC 6962 logs and OpenSSL use), so an auditor with only the exported
/// public key can check a tree head without RightsDesk:
/// <code>
/// openssl dgst -sha256 -verify ledger-key.pem -signature tree-head.sig tree-head.bin
/// </code>
/// where <c>tree-head.bin</c> is <see cref="TreeHead.ToSignedBytes"/> and <c>tree-head.sig</c> is
/// <see cref="TreeHead.Signature"/>.
/// </summary>
/// <remarks>The signer uses the key it is given and does not dispose it; the caller owns the key.</remarks>
public sealed class TreeHeadSigner
{
    private const string PublicKeyLabel = "PUBLIC KEY";
    private const DSASignatureFormat SignatureFormat = DSASignatureFormat.Rfc3279DerSequence;

    private readonly ECDsa key;

    /// <param name="privateKey">A P-256 key with its private part.</param>
    public TreeHeadSigner(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (CurveProblem(privateKey) is { } problem)
        {
            throw new ArgumentException(problem, nameof(privateKey));
        }

        key = privateKey;
    }

    /// <summary>Makes a new random P-256 key, for a new ledger or for tests. The caller disposes it.</summary>
    public static ECDsa CreateKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TreeHead Sign(long size, ReadOnlySpan<byte> rootHash, DateTimeOffset timestamp)
    {
        var unsigned = new TreeHead(size, rootHash, timestamp, ReadOnlySpan<byte>.Empty);
        var signature = key.SignData(unsigned.ToSignedBytes(), HashAlgorithmName.SHA256, SignatureFormat);
        return unsigned with { Signature = signature };
    }

    public VerificationResult Verify(TreeHead head) => Verify(head, key);

    /// <summary>Signs the text of a C2SP signed note (a tlog-checkpoint) the way signature type 0x02 does: ECDSA
    /// over SHA-256 of the text, DER-encoded, as github.com/transparency-dev/witness signs.</summary>
    public byte[] SignNote(ReadOnlySpan<byte> noteText) => key.SignData(noteText, HashAlgorithmName.SHA256, SignatureFormat);

    public static bool VerifyNote(ReadOnlySpan<byte> noteText, ReadOnlySpan<byte> signature, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return publicKey.VerifyData(noteText, signature, HashAlgorithmName.SHA256, SignatureFormat);
    }

    public static VerificationResult Verify(TreeHead head, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(publicKey);
        if (CurveProblem(publicKey) is { } problem)
        {
            throw new ArgumentException(problem, nameof(publicKey));
        }

        if (head.Signature.IsEmpty)
        {
            return VerificationResult.Invalid("the tree head is not signed");
        }

        return publicKey.VerifyData(head.ToSignedBytes(), head.Signature.Span, HashAlgorithmName.SHA256, SignatureFormat)
            ? VerificationResult.Valid
            : VerificationResult.Invalid($"the signature does not match {head} under this key");
    }

    /// <summary>The public key as a PEM "PUBLIC KEY" block (X.509 SubjectPublicKeyInfo), for publishing to auditors.</summary>
    public string ExportPublicKeyPem() => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Reads a key published by <see cref="ExportPublicKeyPem"/>. Only a single "PUBLIC KEY" block for a
    /// P-256 key is accepted, so a private key pasted by mistake is refused rather than silently used.</summary>
    /// <exception cref="FormatException">when the text is not such a block.</exception>
    public static ECDsa ImportPublicKeyPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new FormatException("No PEM block found; expected -----BEGIN PUBLIC KEY-----.");
        }

        var label = pem[fields.Label];
        if (!label.SequenceEqual(PublicKeyLabel))
        {
            throw new FormatException($"Expected a PEM \"{PublicKeyLabel}\" block, found \"{label}\".");
        }

        if (!string.IsNullOrWhiteSpace(pem[fields.Location.End..]))
        {
            throw new FormatException("Unexpected text after the public key block.");
        }

        var der = Convert.FromBase64String(pem[fields.Base64Data].ToString());
        var imported = ECDsa.Create();
        try
        {
            imported.ImportSubjectPublicKeyInfo(der, out var read);
            if (read != der.Length)
            {
                throw new FormatException("The public key block has bytes after the key.");
            }

            if (CurveProblem(imported) is { } problem)
            {
                throw new FormatException(problem);
            }

            return imported;
        }
        catch (CryptographicException ex)
        {
            imported.Dispose();
            throw new FormatException("The PEM block is not a valid EC public key.", ex);
        }
        catch
        {
            imported.Dispose();
            throw;
        }
    }

    private static string? CurveProblem(ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        var oid = curve.Oid;
        var isP256 = curve.IsNamed
            && (oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value
                || string.Equals(oid.FriendlyName, ECCurve.NamedCurves.nistP256.Oid.FriendlyName, StringComparison.OrdinalIgnoreCase));
        return isP256
            ? null
            : $"Tree heads are signed with ECDSA P-256; this key is {oid.FriendlyName ?? oid.Value ?? "on an unnamed curve"} ({key.KeySize} bits).";
    }
}
