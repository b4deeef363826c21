using System.Buffers.Binary;
using System.Globalization;

namespace RightsDesk.Core.Ledger;

/// <summary>
/// A statement, signed by the ledger, that at <see cref="Timestamp"/> the ledger held <see cref="Size"/> entries whose
/// Merkle root was <see cref="RootHash"/>. Anyone holding two tree heads can ask for a consistency proof between them,
/// and anyone holding one can ask for an inclusion proof of an entry in it.
/// </summary>
/// <remarks>
/// The timestamp is kept to the millisecond, in UTC, because that is what the signed bytes carry; finer ticks given
/// to the constructor or an initializer are dropped so that what the object holds is exactly what was signed.
/// Equality compares the bytes of the root and signature, not array identity.
/// </remarks>
public sealed record TreeHead
{
    /// <summary>The length of <see cref="ToSignedBytes"/>.</summary>
    public const int SignedLength = 2 + 8 + 8 + MerkleHash.Size;

    // RFC 6962 §3.5: Version v1 = 0, SignatureType tree_hash = 1.
    private const byte Version1 = 0;
    private const byte TreeHashSignatureType = 1;

    public TreeHead(long size, ReadOnlySpan<byte> rootHash, DateTimeOffset timestamp, ReadOnlySpan<byte> signature)
    {
        Size = size;
        RootHash = rootHash.ToArray();
        Timestamp = timestamp;
        Signature = signature.ToArray();
    }

    /// <summary>The number of entries in the ledger.</summary>
    public long Size
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    }

    /// <summary>The RFC 6962 Merkle tree hash of the first <see cref="Size"/> entries.</summary>
    public ReadOnlyMemory<byte> RootHash
    {
        get;
        init
        {
            if (value.Length != MerkleHash.Size)
            {
                throw new ArgumentException($"A root hash is {MerkleHash.Size} bytes; got {value.Length}.", nameof(value));
            }

            field = value.ToArray();
        }
    }

    public DateTimeOffset Timestamp
    {
        get;
        init
        {
            var milliseconds = value.ToUnixTimeMilliseconds();
            if (milliseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A tree head cannot be dated before 1970-01-01T00:00:00Z.");
            }

            field = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }
    }

    /// <summary>The signature over <see cref="ToSignedBytes"/>; see <see cref="TreeHeadSigner"/> for its form.</summary>
    public ReadOnlyMemory<byte> Signature
    {
        get;
        init => field = value.ToArray();
    }

    /// <summary>
    /// The exact bytes that are signed, the RFC 6962 §3.5 <c>TreeHeadSignature</c> structure, 50 bytes:
    /// <code>
    /// offset  size  field
    ///      0     1  version          0x00 (v1)
    ///      1     1  signature_type   0x01 (tree_hash)
    ///      2     8  timestamp        milliseconds since 1970-01-01T00:00:00Z, unsigned big-endian
    ///     10     8  tree_size        number of entries, unsigned big-endian
    ///     18    32  sha256_root_hash the RFC 6962 Merkle tree hash
    /// </code>
    /// Using the Certificate Transparency layout means an auditor can rebuild these bytes from the three numbers
    /// alone, with any CT tooling or a few lines of code, and nothing else (no JSON, no text encoding) is signed.
    /// </summary>
    public byte[] ToSignedBytes()
    {
        var bytes = new byte[SignedLength];
        bytes[0] = Version1;
        bytes[1] = TreeHashSignatureType;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(2), (ulong)Timestamp.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(10), (ulong)Size);
        RootHash.Span.CopyTo(bytes.AsSpan(18));
        return bytes;
    }

    public bool Equals(TreeHead? other) =>
        other is not null
        && Size == other.Size
        && Timestamp == other.Timestamp
        && RootHash.Span.SequenceEqual(other.RootHash.Span)
        && Signature.Span.SequenceEqual(other.Signature.Span);

    public override int GetHashCode() => HashCode.Combine(Size, Timestamp, Convert.ToHexString(RootHash.Span));

    public override string ToString() =>
        $"tree head size {Size}, root {HashText.ToHex(RootHash.Span)}, at {Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}";
}
