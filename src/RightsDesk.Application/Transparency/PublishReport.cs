using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Transparency;

namespace RightsDesk.Application.Transparency;

/// <summary>The signed tree head a report is computed at (issued for it).</summary>
public sealed record ReportTreeHead(long Size, string Root, DateTimeOffset Timestamp, string Signature, string KeyId);

/// <summary>Issues a signed tree head over the ledger as it is now (the web host's tree-head service).</summary>
public interface IReportTreeHead
{
    Task<ReportTreeHead> IssueAsync(string issuedBy, CancellationToken ct);
}

public sealed record PublishOutcome(TransparencyReportRecord Report, bool Created);

/// <summary>
/// Publishes a transparency report for a period: a tree head first (so the records read are no older than it),
/// every source read, small numbers protected against what is already published for the year and its halves, and a
/// new version only when a figure changed, saved with its <see cref="TransparencyReportPublished"/> event in one
/// transaction. Earlier versions stay; the new one lists the figures it changed.
/// </summary>
public sealed class PublishReport(RightsDeskDbContext db, IEnumerable<ITransparencySource> sources, PolicyProvider policy, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<PublishOutcome> PublishAsync(ReportPeriod period, int threshold, Actor actor, IReportTreeHead heads, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        progress?.Report("tree head");
        var head = await heads.IssueAsync(actor.LedgerName, ct);
        var readings = new List<SourceReading>();
        foreach (var source in sources)
        {
            progress?.Report(source.Name);
            readings.Add(await source.ReadAsync(period, ct));
        }

        progress?.Report("small numbers");
        var report = ReportAssembler.Assemble(period, readings.Select(r => r.Section).ToList(), threshold, await PublishedAroundAsync(period, ct));
        var figures = ReportJson.Figures(report);
        var latest = await LatestAsync(period.Label, ct);
        var figuresSha = ReportJson.Sha256(figures);
        if (latest is not null && latest.FiguresSha256 == figuresSha)
        {
            return new PublishOutcome(latest, Created: false);
        }

        progress?.Report("records root");
        // Ordered, encoded and hashed once: the kept bytes are the leaves of the root.
        var kept = KeptRecords.Of([.. readings.Select(r => r.Records)]);
        var record = new TransparencyReportRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Period = period.Label,
            Version = (latest?.Version ?? 0) + 1,
            PublishedAt = clock.GetUtcNow(),
            PublishedBy = actor.LedgerName,
            Threshold = threshold,
            PolicyVersion = policy.Current.Version,
            TreeSize = head.Size,
            TreeRoot = head.Root,
            TreeTimestamp = head.Timestamp,
            TreeSignature = head.Signature,
            TreeKeyId = head.KeyId,
            RecordsRoot = kept.Root,
            RecordCount = kept.Count,
            FiguresJson = figures,
            FiguresSha256 = figuresSha,
            Changes = latest is null ? "" : string.Join('\n', Changed(ReportJson.Read(latest.FiguresJson), report)),
        };
        record.ParametersSha256 = ReportJson.Sha256(Parameters(record, report.Sources));
        progress?.Report("files and save");
        var files = ReportFiles.Render(record);
        db.TransparencyReports.Add(record);
        // Apart from the version's row, which the public page and the next publication read without them.
        db.TransparencyReportRecords.Add(new TransparencyReportRecordSet { ReportId = record.Id, Records = kept.Packed() });
        ledger.Record(new TransparencyReportPublished(record.Period, record.Version, record.TreeSize, record.TreeRoot, record.PolicyVersion,
            record.ParametersSha256, record.RecordsRoot, record.RecordCount, record.FiguresSha256,
            files.ToDictionary(f => f.Key, f => ReportJson.Sha256(f.Value), StringComparer.Ordinal)), actor, record.Id.ToString());
        await ledger.SaveAsync(ct);

        // A head over the publication event too, so its inclusion in the signed ledger is provable at once
        // (`report verify`), not only after the next scheduled head.
        progress?.Report("tree head over the publication");
        await heads.IssueAsync(actor.LedgerName, ct);
        return new PublishOutcome(record, Created: true);
    }

    /// <summary>What the figures depend on besides the records: the canonical parameters a reader can re-hash.</summary>
    public static string Parameters(TransparencyReportRecord r, IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(r);
        return $"period={r.Period}\nthreshold={r.Threshold}\npolicyVersion={r.PolicyVersion}\nsources={string.Join(',', sources)}\ntreeSize={r.TreeSize}\n";
    }

    public Task<TransparencyReportRecord?> LatestAsync(string period, CancellationToken ct) =>
        db.TransparencyReports.AsNoTracking().Where(r => r.Period == period).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);

    /// <summary>The latest published bands of the year and the halves around this period: constraints the new figures
    /// must not let anyone difference against.</summary>
    /// <summary><paramref name="before"/> limits them to the versions published before a given one, which is what
    /// that version was protected against (`report verify` recomputes it so).</summary>
    public async Task<Dictionary<Cell, Band>> PublishedAroundAsync(ReportPeriod period, CancellationToken ct, DateTimeOffset? before = null)
    {
        var bands = new Dictionary<Cell, Band>();
        foreach (var other in period.Related)
        {
            var versions = db.TransparencyReports.AsNoTracking().Where(r => r.Period == other.Label);
            if (before is { } at)
            {
                versions = versions.Where(r => r.PublishedAt < at);
            }

            if (await versions.OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct) is not { } published)
            {
                continue;
            }

            foreach (var f in ReportJson.Read(published.FiguresJson).Figures.Where(f => f.Unit is not ("percent" or "hours") && f.Low is not null))
            {
                bands[new Cell(other.Label, f.Key)] = new Band((long)f.Low!.Value, f.High is { } h ? (long)h : Differencing.Unbounded);
            }
        }

        return bands;
    }

    private static IEnumerable<string> Changed(PublishedReport before, PublishedReport after)
    {
        var old = before.Figures.ToDictionary(f => f.Key);
        foreach (var f in after.Figures)
        {
            var was = old.GetValueOrDefault(f.Key);
            if (was is null || was.Low != f.Low || was.High != f.High || was.N != f.N)
            {
                yield return $"{f.Key}: {Show(was)} -> {Show(f)}";
            }
        }

        foreach (var gone in before.Figures.Where(f => after.Find(f.Key) is null))
        {
            yield return $"{gone.Key}: {Show(gone)} -> (none)";
        }
    }

    private static string Show(PublishedFigure? f) => f is null ? "(none)"
        : f.Withheld ? "withheld"
        : f.Exact ? ReportJson.Number(f.Low) : $"{ReportJson.Number(f.Low)}-{ReportJson.Number(f.High)}";
}
