using RightsDesk.Core.Ledger;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Web.Ledger;

/// <summary>
/// A signed tree head as published. <c>rootHash</c> is hex, as `rightsdesk ledger verify-*` takes it;
/// <c>signature</c> is the DER ECDSA signature in base64; <c>signedBytes</c> (base64) is exactly what was signed,
/// the RFC 6962 TreeHeadSignature built from <c>timestampMillis</c>, <c>treeSize</c> and the root, so
/// <c>openssl dgst -sha256 -verify key.pem -signature sig.bin signed.bin</c> checks it with the published key.
/// Who asked for a head is kept in the database but not published: it would name staff to the public.
/// </summary>
public sealed record TreeHeadView(
    long Id, long TreeSize, string RootHash, DateTimeOffset Timestamp, long TimestampMillis, string KeyId, string Signature, string? SignedBytes)
{
    public static TreeHeadView Of(TreeHeadRecord r) => new(
        r.Id,
        r.TreeSize,
        HashText.ToHex(r.RootHash),
        r.Timestamp,
        r.Timestamp.ToUnixTimeMilliseconds(),
        r.KeyId,
        Convert.ToBase64String(r.Signature),
        // Only a well-formed head has signed bytes to show; a damaged row is still listed, as stored.
        r.RootHash.Length == MerkleHash.Size && r.TreeSize >= 0 && r.Timestamp.ToUnixTimeMilliseconds() >= 0
            ? Convert.ToBase64String(new TreeHead(r.TreeSize, r.RootHash, r.Timestamp, r.Signature).ToSignedBytes())
            : null);
}

/// <summary>A page of tree heads, oldest first; pass <c>next</c> as <c>after</c> for the following page.</summary>
public sealed record TreeHeadPage(IReadOnlyList<TreeHeadView> Items, long? Next);

public sealed record PublicKeyView(string KeyId, string Algorithm, string PublicKeyPem, string SubjectPublicKeyInfo);

/// <summary>
/// One ledger event for auditors: the stored row, with <c>data</c> (the canonical JSON that was hashed) and
/// <c>salt</c>, so the leaf hash can be recomputed as SHA-256(0x00 || salt || UTF-8 data).
/// </summary>
public sealed record LedgerEventView(long Seq, int Code, string? Name, DateTimeOffset At, string Actor, string? Subject, string Data, string Salt, string LeafHash)
{
    public static LedgerEventView Of(LedgerEventRecord e) => new(
        e.Seq,
        e.Code,
        Enum.IsDefined((LedgerEventCode)e.Code) ? LedgerCodeRanges.NameOf(e.Code) : null,
        e.At,
        e.Actor,
        e.SubjectId,
        e.Data,
        Convert.ToHexStringLower(e.Salt),
        HashText.ToHex(e.LeafHash));
}

/// <summary>A page of events from <c>from</c>; <c>next</c> is the <c>from</c> of the following page, null at the end.
/// <c>treeSize</c> is how many events the ledger held when the page was read.</summary>
public sealed record LedgerEventPage(IReadOnlyList<LedgerEventView> Items, long? Next, long TreeSize);

/// <summary>An RFC 6962 inclusion proof against a signed tree head; <c>command</c> checks it offline.</summary>
public sealed record InclusionProofView(
    long LeafIndex, long TreeSize, string LeafHash, string RootHash, IReadOnlyList<string> Proof, TreeHeadView TreeHead, string Command);

/// <summary>An RFC 6962 consistency proof between two signed tree heads; <c>command</c> checks it offline.</summary>
public sealed record ConsistencyProofView(
    long Size1, long Size2, string Root1, string Root2, IReadOnlyList<string> Proof, TreeHeadView TreeHead1, TreeHeadView TreeHead2, string Command);
