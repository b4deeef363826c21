namespace RightsDesk.Core.Ledger;

/// <summary>
/// One level of a <see cref="MerkleTree"/>: the hashes of its complete subtrees of one height, left to right. Stored in
/// fixed 1 MiB chunks rather than one growing array so appending never copies what is already there, a level is not
/// capped at 2 GB, and two siblings (2i, 2i+1) always sit in the same chunk.
/// </summary>
internal sealed class HashLevel
{
    private const int ChunkShift = 15;
    private const int ChunkHashes = 1 << ChunkShift;
    private const long IndexMask = ChunkHashes - 1;

    private readonly List<byte[]> chunks = [];

    public long Count { get; private set; }

    public ReadOnlySpan<byte> this[long index] => Slot(index);

    /// <summary>Makes room for hashes up to <paramref name="newCount"/> and counts them as present; the caller fills
    /// the new slots before anyone reads them.</summary>
    public void Extend(long newCount)
    {
        while ((long)chunks.Count << ChunkShift < newCount)
        {
            chunks.Add(new byte[ChunkHashes * MerkleHash.Size]);
        }

        Count = newCount;
    }

    public Span<byte> Slot(long index) =>
        chunks[(int)(index >> ChunkShift)].AsSpan((int)(index & IndexMask) * MerkleHash.Size, MerkleHash.Size);
}
