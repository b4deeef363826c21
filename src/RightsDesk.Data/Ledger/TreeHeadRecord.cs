namespace RightsDesk.Data.Ledger;

/// <summary>
/// A signed tree head as issued: kept so that `rightsdesk ledger verify` can check every one ever published still
/// matches the log, and so consistency proofs can be served between any two of them.
/// </summary>
public sealed class TreeHeadRecord
{
    public long Id { get; set; }
    public long TreeSize { get; set; }
    public byte[] RootHash { get; set; } = [];
    public DateTimeOffset Timestamp { get; set; }
    /// <summary>ECDSA P-256 signature (DER) over the tree head's signed bytes.</summary>
    public byte[] Signature { get; set; } = [];
    /// <summary>SHA-256 of the signing key's SubjectPublicKeyInfo, hex: which key signed.</summary>
    public string KeyId { get; set; } = "";
    /// <summary>"schedule" or who asked for it.</summary>
    public string IssuedBy { get; set; } = "";
}
