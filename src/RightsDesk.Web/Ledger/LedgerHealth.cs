namespace RightsDesk.Web.Ledger;

/// <summary>What the last check of the stored ledger against the last signed tree head found.</summary>
public enum LedgerStatus
{
    /// <summary>The start-up check has not finished yet.</summary>
    Checking,
    Consistent,
    Inconsistent,
}

/// <summary>The first thing found wrong: the event's sequence number when one event is to blame, and what differs,
/// never the event's contents.</summary>
public sealed record LedgerProblem(long? Seq, string What);

/// <summary>
/// Refused: the stored ledger is not an extension of the last signed tree head (an event no longer re-derives from
/// its columns, one is missing, or the events give another root at the signed size). Signing is refused until an
/// operator has restored the ledger; its message names no stored value and may be logged.
/// </summary>
public sealed class LedgerInconsistentException(LedgerProblem problem)
    : InvalidOperationException(problem.Seq is { } seq ? $"The stored ledger is inconsistent at event {seq}: {problem.What}." : $"The stored ledger is inconsistent: {problem.What}.")
{
    public LedgerProblem Problem { get; } = problem;
}

/// <summary>
/// The ledger's health as this process last saw it, shared by the signer, the start-up check, /health and the
/// desk's banner. One snapshot is swapped whole, so a reader never sees a status with another check's problem.
/// </summary>
public sealed class LedgerHealth
{
    private Snapshot _current = new(LedgerStatus.Checking, null);

    public sealed record Snapshot(LedgerStatus Status, LedgerProblem? Problem);

    public Snapshot Current => Volatile.Read(ref _current);

    public void Consistent() => Volatile.Write(ref _current, new Snapshot(LedgerStatus.Consistent, null));

    public void Inconsistent(LedgerProblem problem) => Volatile.Write(ref _current, new Snapshot(LedgerStatus.Inconsistent, problem));
}
