namespace RightsDesk.Core.Ledger.Events;

/// <summary>Someone opened a case's sealed contents (subject: the demand).</summary>
public sealed record DemandRead : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DemandRead;

    public void Write(LedgerFields fields)
    {
    }
}

public sealed record DocumentRead(Guid Document) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DocumentRead;

    public void Write(LedgerFields fields) => fields.Add("document", Document);
}

/// <summary>Someone printed or downloaded a response letter (subject: the demand).</summary>
/// <param name="Format">"pdf" or "html" (the HTML is offered when Chromium is not installed).</param>
public sealed record LetterRead(Guid Letter, string Format) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.LetterRead;

    public void Write(LedgerFields fields) => fields.Add("letter", Letter).Add("format", Format);
}

public sealed record DisclosurePackageRead(Guid Package) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DisclosurePackageRead;

    public void Write(LedgerFields fields) => fields.Add("package", Package);
}

/// <param name="Count">How many registry entries the page showed.</param>
public sealed record AtRiskRead(int Count) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.AtRiskRead;

    public void Write(LedgerFields fields) => fields.Add("count", Count);
}

/// <param name="Download">Which download of the release this was, from 1.</param>
public sealed record PackageDownloaded(Guid Release, Guid Package, int Download) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.PackageDownloaded;

    public void Write(LedgerFields fields) => fields.Add("release", Release).Add("package", Package).Add("download", Download);
}

/// <summary>Staff opened an official's sealed record (subject: the official's account).</summary>
public sealed record OfficialContactRead : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.OfficialContactRead;

    public void Write(LedgerFields fields)
    {
    }
}

/// <summary>A list of demands exported as CSV: how many rows, and the filter's hash (what was typed stays out).</summary>
public sealed record DemandListExported(int Rows, string FilterSha256) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DemandListExported;

    public void Write(LedgerFields fields) => fields.Add("rows", Rows).Add("filterSha256", FilterSha256);
}

/// <summary>Someone searched the cases by a target identifier or an officer: that they did, never what they typed.</summary>
public sealed record DemandTargetSearched : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.DemandTargetSearched;

    public void Write(LedgerFields fields)
    {
    }
}

/// <summary>Someone opened one published takedown original on the web (subject: the demand). The path is the
/// original's place in the publication (<c>COUNTRY/YEAR/FILE.md</c>, from the date and the desk's reference), never
/// its words.</summary>
/// <param name="Tier">"researcher" (the public tier's pages are open to anyone and are not ledgered).</param>
public sealed record TakedownOriginalRead(string Path, string Tier) : ILedgerEvent
{
    public LedgerEventCode Code => LedgerEventCode.TakedownOriginalRead;

    public void Write(LedgerFields fields) => fields.Add("path", Path).Add("tier", Tier);
}
