namespace RightsDesk.Data.Ledger;

/// <summary>Which part of a stored event fails to re-derive: named without any value, so it can be shown to anyone
/// (on /health, in logs) while `ledger verify` gives the auditor the values.</summary>
public enum LedgerEventFault
{
    /// <summary>The data column is not the ledger's JSON.</summary>
    Data,
    Seq,
    Code,
    At,
    Actor,
    Subject,

    /// <summary>The data agrees with the columns but is not byte for byte their canonical form.</summary>
    NotCanonical,

    /// <summary>The leaf hash is not SHA-256(0x00 || salt || data).</summary>
    LeafHash,
}

/// <summary>A fault of one event: its kind and the auditor's message, which quotes the stored values.</summary>
public sealed record LedgerEventFinding(LedgerEventFault Fault, string Message)
{
    /// <summary>What differs, in words that quote nothing stored.</summary>
    public string Summary => Fault switch
    {
        LedgerEventFault.Data => "its data is not the ledger's canonical JSON",
        LedgerEventFault.Seq => "its seq column differs from its data",
        LedgerEventFault.Code => "its code column differs from its data",
        LedgerEventFault.At => "its at column differs from its data",
        LedgerEventFault.Actor => "its actor column differs from its data",
        LedgerEventFault.Subject => "its subject column differs from its data",
        LedgerEventFault.NotCanonical => "its data is not in canonical form",
        _ => "its leaf hash is not SHA-256(0x00 || salt || data): its data, salt or leaf hash was altered",
    };
}
