namespace RightsDesk.Data.Defenders;

/// <summary>
/// An at-risk registry entry. The identifier is never stored in clear: <see cref="BlindIndex"/> (HMAC under the
/// index key) finds it, <see cref="SealedIdentifier"/> lets an authorised person read it back.
/// </summary>
public sealed class AtRiskRecord
{
    public Guid Id { get; set; }
    /// <summary>Hex of HMAC-SHA256(index key, normalised identifier).</summary>
    public string BlindIndex { get; set; } = "";
    public string Category { get; set; } = "";
    public string AddedBy { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedIdentifier { get; set; } = [];
    public byte[]? SealedNote { get; set; }
}
