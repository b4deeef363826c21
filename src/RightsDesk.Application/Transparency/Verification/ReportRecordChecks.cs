using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Transparency;

namespace RightsDesk.Application.Transparency.Verification;

/// <summary>
/// The checks of a published version against its records: the records kept with it hash to the records root the
/// ledger committed to; its parameters hash to the published hash; every figure recomputes from those records with
/// those parameters (and the versions published before it, which its small numbers were protected against); and the
/// cases in the store today still give those records, except where a ledgered step after the report's tree head
/// changed a case (an honest change, which a correction version would show).
/// </summary>
public sealed class ReportRecordChecks(RightsDeskDbContext db, IEnumerable<ITransparencySource> sources, PublishReport publisher, FieldCipher cipher)
{
    private const int Shown = 5;

    public async Task<List<ReportCheck>> RunAsync(PublishedVersion v, TransparencyReportRecord stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return await RunAsync(v, stored, await KeptRecords.ReadAsync(db, stored, ct), ct);
    }

    /// <summary>The same checks against <paramref name="keptRecords"/>, the records kept with the version (null: it
    /// kept none, and the store's records today stand in for them).</summary>
    public async Task<List<ReportCheck>> RunAsync(PublishedVersion v, TransparencyReportRecord stored, IReadOnlyList<string>? keptRecords, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(stored);
        var checks = new List<ReportCheck>();
        if (!ReportPeriod.TryParse(v.Period, out var period) || v.Report is null)
        {
            checks.Add(ReportCheck.Fail("records", $"the files name no readable period and figures ({v.Period})"));
            return checks;
        }

        var readings = new List<SourceReading>();
        foreach (var source in sources)
        {
            readings.Add(await source.RecountAsync(period, ct));
        }

        var now = readings.SelectMany(r => r.Records).Order(StringComparer.Ordinal).ToList();
        var kept = keptRecords?.ToList();
        var records = kept ?? now;
        var root = ReportRecords.Root(records);
        var whose = kept is null ? "the store's records today (this version was published before records were kept with reports)" : $"the {records.Count} records kept with the report";
        checks.Add(root == v.RecordsRoot && records.Count == stored.RecordCount
            ? ReportCheck.Pass("records", $"{whose} hash to the records root {root} the ledger committed to")
            : ReportCheck.Fail("records", $"{whose} ({records.Count}) hash to {root}, not the committed records root {v.RecordsRoot} over {stored.RecordCount}: the records behind the report are not the ones it was computed from"));

        var parameters = ReportJson.Sha256(PublishReport.Parameters(stored, v.Report.Sources));
        checks.Add(parameters == v.ParametersSha256 && stored.Threshold == v.Report.Threshold
            ? ReportCheck.Pass("parameters", $"period {stored.Period}, threshold {stored.Threshold}, policy {stored.PolicyVersion}, sources {string.Join(',', v.Report.Sources)}, tree size {stored.TreeSize} hash to the published {parameters}")
            : ReportCheck.Fail("parameters", $"the stored parameters hash to {parameters}, not the published {v.ParametersSha256} (or the threshold differs): the report was computed with other parameters than it says"));

        var around = await publisher.PublishedAroundAsync(period, ct, before: stored.PublishedAt);
        var recomputed = Assemble(period, records, v.Report, around);
        var differ = Differences(v.Report, recomputed);
        checks.Add(differ.Count == 0
            ? ReportCheck.Pass("figures", $"all {v.Report.Figures.Count} figures recompute from the records with the published parameters")
            : ReportCheck.Fail("figures", $"{differ.Count} figures do not recompute from the records: {Some(differ)}"));

        checks.Add(await CasesAsync(v, period, records, now, around, ct));
        return checks;
    }

    private PublishedReport Assemble(ReportPeriod period, IReadOnlyList<string> records, PublishedReport published, IReadOnlyDictionary<Cell, Band> around)
    {
        var byName = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var sections = published.Sources.Where(byName.ContainsKey).Select(name => byName[name].Compute(period, records)).ToList();
        return ReportAssembler.Assemble(period, sections, published.Threshold, around);
    }

    /// <summary>The store's cases today against the records: a difference is honest only when a ledgered step on
    /// that case came after the report's tree head.</summary>
    private async Task<ReportCheck> CasesAsync(PublishedVersion v, ReportPeriod period, List<string> records, List<string> now, IReadOnlyDictionary<Cell, Band> around, CancellationToken ct)
    {
        // At the grain a recount gives today: a version published while moderation was tallied per day kept day
        // tallies, which the store's month tallies would otherwise all differ from although no figure does.
        var then = ModerationTransparencySource.AtRecountGrain(records).ToLookup(ReportRecords.CaseHash);
        var today = now.ToLookup(ReportRecords.CaseHash);
        var changed = then.Select(g => g.Key).Union(today.Select(g => g.Key))
            .Where(h => !then[h].Order(StringComparer.Ordinal).SequenceEqual(today[h].Order(StringComparer.Ordinal), StringComparer.Ordinal))
            .ToList();
        if (changed.Count == 0)
        {
            return ReportCheck.Pass("cases", $"the cases in the store today give exactly the report's {records.Count} records");
        }

        var (start, end) = (period.Start, period.End);
        var ids = await db.Demands.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end).Select(d => d.Id).ToListAsync(ct);
        // Incidents are ledgered under their own id too, so a later acknowledgement explains a changed incident record.
        ids.AddRange(await db.Incidents.AsNoTracking().Where(i => i.ReceivedAt >= start && i.ReceivedAt < end).Select(i => i.Id).ToListAsync(ct));
        // So are Art. 16 notices: a notice decided after the report is explained by its ledgered decision.
        ids.AddRange(await db.IllegalContentNotices.AsNoTracking().Where(n => n.ReceivedAt >= start && n.ReceivedAt < end).Select(n => n.Id).ToListAsync(ct));
        var idOf = ids.ToDictionary(id => cipher.BlindIndex(DemandTransparencySource.CaseHashPurpose, id.ToString("N")), id => id.ToString(), StringComparer.Ordinal);
        // Moderation decisions and appeals are cases too: their steps are ledgered under their own ids.
        var decisions = await db.ModerationDecisions.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end).Select(d => d.Id).ToListAsync(ct);
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.SubmittedAt >= start && a.SubmittedAt < end).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in decisions)
        {
            idOf[cipher.BlindIndex(ModerationFactReader.DecisionPurpose, id.ToString("N"))] = id.ToString();
        }

        foreach (var id in appeals)
        {
            idOf[cipher.BlindIndex(ModerationFactReader.AppealPurpose, id.ToString("N"))] = id.ToString();
        }

        // Out-of-court referrals count by the day referred; a body's later outcome is ledgered under the referral's id.
        var (firstDay, endDay) = (DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(end.UtcDateTime));
        foreach (var id in await db.Disputes.AsNoTracking().Where(d => d.ReferredOn >= firstDay && d.ReferredOn < endDay).Select(d => d.Id).ToListAsync(ct))
        {
            idOf[cipher.BlindIndex(ModerationFactReader.DisputePurpose, id.ToString("N"))] = id.ToString();
        }

        var byDay = await DecisionsByDayAsync(start, end, ct);
        var explained = new List<string>();
        var unexplained = new List<string>();
        foreach (var hash in changed)
        {
            var subject = idOf.GetValueOrDefault(hash);
            var later = subject is not null
                ? await db.LedgerEvents.AnyAsync(e => e.SubjectId == subject && e.Seq >= v.TreeSize, ct)
                : await TallyChangedLaterAsync(hash, byDay, v.TreeSize, ct);
            (later ? explained : unexplained).Add(hash);
        }

        if (unexplained.Count == 0)
        {
            return ReportCheck.Pass("cases", $"{explained.Count} cases changed after the report through steps ledgered after its tree head (size {v.TreeSize}): the report stands for its tree head; publishing again makes a correction version");
        }

        var figures = Differences(v.Report!, Assemble(period, now, v.Report!, around));
        var which = string.Join("; ", unexplained.Take(Shown).Select(h => $"case {Name(h)}: {Describe(then[h].FirstOrDefault(), today[h].FirstOrDefault())}"));
        return ReportCheck.Fail("cases", $"{unexplained.Count} stored cases differ from the report's records with no ledgered step after its tree head ({which}): a stored case was altered outside the desk. " +
            (figures.Count == 0 ? "No published figure changes." : $"Figures the store now gives otherwise: {Some(figures)}"));
    }

    /// <summary>The period's decisions by day received, each with the appeals against it: the subjects whose steps
    /// can change a day's tallies.</summary>
    private async Task<ILookup<DateOnly, string>> DecisionsByDayAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var decisions = await db.ModerationDecisions.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end)
            .Select(d => new { d.Id, d.ReceivedAt }).ToListAsync(ct);
        var appeals = (await db.Appeals.AsNoTracking().Select(a => new { a.Id, a.DecisionId }).ToListAsync(ct)).ToLookup(a => a.DecisionId, a => a.Id);
        return decisions
            .SelectMany(d => appeals[d.Id].Prepend(d.Id).Select(id => (Day: ModerationTally.MonthOf(d.ReceivedAt), Subject: id.ToString())))
            .ToLookup(x => x.Day, x => x.Subject);
    }

    /// <summary>A tally (a month and tuple of the moderation rollup) that changed is honest when a decision received
    /// that month, or an appeal against one, had a step ledgered after the report's tree head.</summary>
    private async Task<bool> TallyChangedLaterAsync(string hash, ILookup<DateOnly, string> byDay, long treeSize, CancellationToken ct)
    {
        var parts = hash.Split('|');
        if (parts is not ["tally", var day, ..] || !DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
        {
            return false;
        }

        var subjects = byDay[d].ToList();
        return subjects.Count > 0 && await db.LedgerEvents.AnyAsync(e => e.SubjectId != null && subjects.Contains(e.SubjectId) && e.Seq >= treeSize, ct);
    }

    /// <summary>A case by its hash prefix (enough to find it, not to undo the bands); a moderation tally by its whole
    /// name, the month and tuple, which name no decision.</summary>
    private static string Name(string hash) =>
        hash.StartsWith("tally|", StringComparison.Ordinal) ? hash : hash[..Math.Min(12, hash.Length)];

    private static string Describe(string? before, string? after)
    {
        if (before is null || after is null)
        {
            return before is null ? "not in the report, in the store now" : "in the report, gone from the store";
        }

        using var a = JsonDocument.Parse(before);
        using var b = JsonDocument.Parse(after);
        var was = a.RootElement.GetProperty("record").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
        var parts = b.RootElement.GetProperty("record").EnumerateObject()
            .Where(p => was.GetValueOrDefault(p.Name) != p.Value.GetRawText())
            .Select(p => $"{p.Name} {was.GetValueOrDefault(p.Name) ?? "(none)"} -> {p.Value.GetRawText()}");
        return string.Join(", ", parts);
    }

    public static List<string> Differences(PublishedReport published, PublishedReport recomputed)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(recomputed);
        var mine = recomputed.Figures.ToDictionary(f => f.Key);
        var differ = new List<string>();
        foreach (var f in published.Figures)
        {
            var r = mine.GetValueOrDefault(f.Key);
            if (r is null || r.Low != f.Low || r.High != f.High || r.N != f.N || !string.Equals(r.Unit, f.Unit, StringComparison.Ordinal))
            {
                differ.Add($"{f.Key} is {Show(f)} in the report but {Show(r)} from the records");
            }
        }

        var keys = published.Figures.Select(f => f.Key).ToHashSet();
        differ.AddRange(recomputed.Figures.Where(f => !keys.Contains(f.Key)).Select(f => $"{f.Key} is missing from the report but {Show(f)} from the records"));
        return differ;
    }

    private static string Some(List<string> items) =>
        string.Join("; ", items.Take(Shown)) + (items.Count > Shown ? $"; and {items.Count - Shown} more" : "");

    private static string Show(PublishedFigure? f) => f is null ? "(none)"
        : f.Withheld ? "withheld"
        : (f.Exact ? ReportJson.Number(f.Low) : $"{ReportJson.Number(f.Low)}-{(f.High is null ? "" : ReportJson.Number(f.High))}") + " " + f.Unit;
}
