using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Data;

namespace RightsDesk.Application.Transparency.Verification;

/// <summary>
/// `rightsdesk report verify`: every check of a published version, in order. From the files alone (offline): the
/// manifest, the files' hashes, report.json against the manifest, the figures' hash, the CSV against the JSON and the
/// tree head's signature. With the database (an auditor): the publication event, the ledger at the report's tree head,
/// consistency to the latest signed head, inclusion of the publication event, the records root, the parameters, the
/// figures recomputed from the records, and the stored cases against the records.
/// </summary>
public sealed class VerifyReport(RightsDeskDbContext db, ReportLedgerChecks ledger, ReportRecordChecks records)
{
    public static List<ReportCheck> Offline(string path, IReadOnlyCollection<ECDsa> keys)
    {
        var (version, read) = PublishedFiles.Read(path);
        var checks = new List<ReportCheck> { read };
        if (version is not null)
        {
            checks.AddRange(PublishedFiles.Check(version, keys));
        }

        return checks;
    }

    public async Task<List<ReportCheck>> RunAsync(string path, IReadOnlyCollection<ECDsa> keys, CancellationToken ct)
    {
        var (version, read) = PublishedFiles.Read(path);
        var checks = new List<ReportCheck> { read };
        if (version is null)
        {
            return checks;
        }

        checks.AddRange(PublishedFiles.Check(version, keys));
        var stored = await db.TransparencyReports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Period == version.Period && r.Version == version.Version, ct);
        if (stored is null)
        {
            checks.Add(ReportCheck.Fail("stored version", $"this store has no version {version.Version} of {version.Period}: the report was not published from it, or its row was removed"));
            return checks;
        }

        var (_, ledgerChecks) = await ledger.RunAsync(version, stored.Id, keys, ct);
        checks.AddRange(ledgerChecks);
        checks.AddRange(await records.RunAsync(version, stored, ct));
        return checks;
    }
}
