namespace RightsDesk.Application.Transparency.Verification;

/// <summary>One check of `report verify`: what was checked, whether it held, and what was found, in words a regulator
/// can act on (which file, which figure, which event, and what that means).</summary>
public sealed record ReportCheck(string Name, bool Passed, string Detail)
{
    public static ReportCheck Pass(string name, string detail) => new(name, true, detail);

    public static ReportCheck Fail(string name, string detail) => new(name, false, detail);
}

/// <summary>The tree head a published version names, as its report.json carries it.</summary>
public sealed record PublishedTreeHead(long Size, string Root, long TimestampMs, string Signature, string KeyId);

/// <summary>
/// A published report version as read from its files: the manifest's claims, the tree head and figures report.json
/// carries, and the files' bytes. Everything `report verify` checks without a database starts from this.
/// </summary>
public sealed record PublishedVersion(
    string Directory,
    string Period,
    int Version,
    long TreeSize,
    string TreeRoot,
    string PolicyVersion,
    string ParametersSha256,
    string RecordsRoot,
    string FiguresSha256,
    IReadOnlyDictionary<string, string> Files,
    PublishedTreeHead? TreeHead,
    Core.Transparency.PublishedReport? Report);
