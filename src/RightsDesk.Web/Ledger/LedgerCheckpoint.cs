using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RightsDesk.Core.Ledger;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Web.Ledger;

/// <summary>The checkpoint's origin: Ledger:Origin, or one derived from the signing key when none is configured.</summary>
public sealed record LedgerCheckpointOptions(string? ConfiguredOrigin)
{
    /// <summary>
    /// The origin names the log, and doubles as the note's key name, so it must be unique and stable: an operator
    /// sets Ledger:Origin to a schema-less URL of theirs (<c>rights.example.org/ledger</c>). Without one, the
    /// instance is named by its signing key (<c>rightsdesk.invalid/ledger/</c> and the first 16 hex digits of the key
    /// id), which no other instance shares and which stays the same for as long as the heads are signed by that key.
    /// </summary>
    public string Origin(LedgerSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.IsNullOrWhiteSpace(ConfiguredOrigin) ? "rightsdesk.invalid/ledger/" + key.KeyId[..16] : ConfiguredOrigin.Trim();
    }

    /// <summary>Refuses an origin a signed note cannot carry, at start-up rather than at the first request.</summary>
    public void Validate()
    {
        if (ConfiguredOrigin is { } o && !string.IsNullOrWhiteSpace(o) && (o.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '+')))
        {
            throw new InvalidOperationException("Ledger:Origin must not contain spaces, control characters or '+' (it is a signed-note key name); for example rights.example.org/ledger.");
        }
    }
}

/// <summary>
/// The latest tree head as a C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the origin, the tree size in decimal,
/// the base64 root, a blank line, and one signed-note line "— origin base64(key ID || signature)".
/// </summary>
/// <remarks>
/// The signature is of type 0x02 of c2sp.org/signed-note, ECDSA as transparency-dev/witness implements it, since the
/// instance's key is P-256: key ID = the first four bytes of SHA-256 of the DER SubjectPublicKeyInfo (which are the
/// first eight hex digits of the key id tree heads name), signature = DER ECDSA over SHA-256 of the note text. The
/// note is signed when served, so before signing, the stored head is verified under the same key: a root altered in
/// <c>tree_heads</c> is refused, never signed afresh.
/// </remarks>
public static class LedgerCheckpoint
{
    public const string ContentType = "text/plain; charset=utf-8";

    /// <summary>The checkpoint text, or null when the stored head does not verify under the instance's key.</summary>
    public static string? Format(TreeHeadRecord head, LedgerSigningKey key, string origin)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(key);
        if (head.KeyId != key.KeyId || !Verifies(head, key))
        {
            return null;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{origin}\n{head.TreeSize}\n{Convert.ToBase64String(head.RootHash)}\n");
        var signature = key.Signer.SignNote(Encoding.UTF8.GetBytes(text));
        var line = new byte[4 + signature.Length];
        KeyId(key).CopyTo(line, 0);
        signature.CopyTo(line, 4);
        return $"{text}\n\u2014 {origin} {Convert.ToBase64String(line)}\n";
    }

    /// <summary>The signed-note key ID of type 0x02: SHA-256 of the DER public key, first four bytes.</summary>
    public static byte[] KeyId(LedgerSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(key.SubjectPublicKeyInfo)[..4];
    }

    private static bool Verifies(TreeHeadRecord head, LedgerSigningKey key)
    {
        try
        {
            return key.Signer.Verify(new TreeHead(head.TreeSize, head.RootHash, head.Timestamp, head.Signature)).IsValid;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
