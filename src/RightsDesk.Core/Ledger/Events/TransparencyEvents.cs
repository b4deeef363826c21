namespace RightsDesk.Core.Ledger.Events;

/// <summary>
/// A transparency report version as published: the signed tree head it was computed at (size and root), the policy
/// version, the SHA-256 of its parameters, the Merkle root over the de-identified case records behind it (and how
/// many), and the SHA-256 of the figures and of each deterministic file. Anyone holding the files can check them
/// against this event; an auditor holding the database can recompute the records and their root.
/// </summary>
public sealed record TransparencyReportPublished(
    string Period,
    int Version,
    long TreeSize,
    string TreeRoot,
    string PolicyVersion,
    string ParametersSha256,
    string RecordsRoot,
    int Records,
    string FiguresSha256,
    IReadOnlyDictionary<string, string> Files) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.TransparencyReportPublished;

    public void Write(LedgerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add("period", Period).Add("version", Version).Add("treeSize", TreeSize).Add("treeRoot", TreeRoot)
            .Add("policyVersion", PolicyVersion).Add("parametersSha256", ParametersSha256).Add("recordsRoot", RecordsRoot)
            .Add("records", Records).Add("figuresSha256", FiguresSha256);
        foreach (var (file, sha) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            fields.Add("file:" + file, sha);
        }
    }
}

/// <summary>
/// `report dsa` wrote the year's DSA templates. Counts and file hashes only: anyone holding the files can check they
/// are the ones written, and a correction (a higher version) is a second event beside the first.
/// </summary>
public sealed record DsaReportWritten(int Year, int Version, int Orders, int Measures, int Complaints, bool NoticesRecorded, IReadOnlyDictionary<string, string> Files) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DsaReportWritten;

    public void Write(LedgerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add("year", Year).Add("version", Version).Add("orders", Orders).Add("measures", Measures).Add("complaints", Complaints)
            .Add("noticesRecorded", NoticesRecorded);
        foreach (var (file, sha) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            fields.Add("file:" + file, sha);
        }
    }
}
