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

/// <summary>
/// `publish takedowns` opened the period's takedown demands (a sensitive read of their sealed words) and wrote one
/// published original per demand it may publish. Counts, the tier, the policy version whose rule table redacted, and
/// the SHA-256 over the files' own hashes in path order; never a name, a target or the demand's words.
/// </summary>
public sealed record TakedownsPublished(
    DateOnly From, DateOnly To, string Tier, string PolicyVersion, int Originals, int HeldByNonDisclosure, int NotDecided,
    int Redactions, string FilesSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.TakedownsPublished;

    public void Write(LedgerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add("from", LedgerFields.Day(From)).Add("to", LedgerFields.Day(To)).Add("tier", Tier).Add("policyVersion", PolicyVersion)
            .Add("originals", Originals).Add("heldByNonDisclosure", HeldByNonDisclosure).Add("notDecided", NotDecided)
            .Add("redactions", Redactions).Add("filesSha256", FilesSha256);
    }
}

/// <summary>
/// The redaction list of one published original, on the demand it came from: the tier, each kind and rule with its
/// count (<c>email:email-address</c> = 2), the SHA-256 of the demand's sealed words as redacted from and of the file
/// written, so an auditor holding the desk can show the file came from that text under those rules.
/// </summary>
public sealed record TakedownRedactionsListed(string Tier, string File, IReadOnlyDictionary<string, int> Counts, string SourceSha256, string FileSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.TakedownRedactionsListed;

    public void Write(LedgerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add("tier", Tier).Add("file", File).Add("sourceSha256", SourceSha256).Add("fileSha256", FileSha256);
        foreach (var (rule, count) in Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            fields.Add("redacted:" + rule, count);
        }
    }
}
