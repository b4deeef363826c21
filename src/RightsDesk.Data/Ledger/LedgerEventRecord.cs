namespace RightsDesk.Data.Ledger;

/// <summary>
/// One append-only ledger event. <see cref="Data"/> is the canonical serialisation of what happened (codes, ids,
/// states, actor, time) without sensitive contents; <see cref="LeafHash"/> = SHA-256(0x00 || salt || data) per
/// RFC 6962, so the tree proves the record was not altered while the salt keeps small values from being guessed.
/// </summary>
public sealed class LedgerEventRecord
{
    /// <summary>Position in the log, from 0, gap-free.</summary>
    public long Seq { get; set; }
    public int Code { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string? SubjectId { get; set; }
    public string Data { get; set; } = "";
    public byte[] Salt { get; set; } = [];
    public byte[] LeafHash { get; set; } = [];
}
