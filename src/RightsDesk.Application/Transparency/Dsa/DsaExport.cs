using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Transparency;
using RightsDesk.Core.Transparency.Dsa;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Transparency.Dsa;

/// <summary>
/// The DSA harmonised-template report for a calendar year, computed from the record: orders from the demands (the
/// same de-identified records the platform's own report uses), measures and actions on notices from the moderation
/// decisions, complaints from the appeals, notices from the notice source. The figures are exact, as the regulation
/// requires: no bands.
/// </summary>
public sealed class DsaExport(
    RightsDeskDbContext db, FieldCipher cipher, IEnumerable<ITransparencySource> sources, ModerationFactReader moderation, IDsaNoticeSource notices,
    PolicyProvider policy, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<IReadOnlyList<DsaSheet>> BuildAsync(int year, int version, DateOnly? previousPublication, CancellationToken ct) =>
        DsaTemplate.Build(await InputAsync(year, version, previousPublication, ct));

    /// <summary>Builds the sheets, writes them into <paramref name="directory"/> and ledgers what was written (counts
    /// and the files' hashes), so a regulator holding the files can check them against the ledger.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(int year, int version, DateOnly? previousPublication, string directory, Actor actor, CancellationToken ct)
    {
        var input = await InputAsync(year, version, previousPublication, ct);
        var hashes = await DsaFiles.WriteAsync(DsaTemplate.Build(input), directory, ct);
        ledger.Record(new DsaReportWritten(year, version, input.Orders.Count, input.Measures.Count, input.Complaints.Count, input.Notices is not null, hashes), actor, null);
        await ledger.SaveAsync(ct);
        return hashes;
    }

    private async Task<DsaReportInput> InputAsync(int year, int version, DateOnly? previousPublication, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var period = new ReportPeriod(year, null);
        var demands = sources.OfType<DemandTransparencySource>().Single();
        var (start, end) = (period.Start, period.End);
        var acknowledged = (await db.Demands.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end && d.AcknowledgedAt != null)
                .Select(d => new { d.Id, d.AcknowledgedAt }).ToListAsync(ct))
            .ToDictionary(d => cipher.BlindIndex(DemandTransparencySource.CaseHashPurpose, d.Id.ToString("N")), d => d.AcknowledgedAt, StringComparer.Ordinal);
        var orders = (await demands.FactsAsync(period, ct))
            .Select(f => DsaRules.Order(f, acknowledged.GetValueOrDefault(f.CaseHash))).OfType<DsaOrder>().ToList();
        // A measure held for a person to confirm has not been taken (yet): the template counts measures taken.
        var decisions = (await moderation.DecisionsAsync(period, ct)).Where(d => d.Taken).ToList();
        var (appeals, appealed) = await moderation.AppealsAsync(period, ct);
        var name = policy.Current.Operator.Name;
        List<DsaMeasure> measures = [.. decisions.Select(d => d.ToDsa())];
        var complaints = Complaints(appeals, appealed, end);
        return new DsaReportInput(
            name, name, year, version, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), previousPublication, orders, NoticeActions(decisions))
        {
            Measures = measures,
            Complaints = complaints,
            Disputes = Disputes(await moderation.DisputesAsync(period, ct), end),
            Notices = await notices.NoticesAsync(period, ct),
            Misuse = Art23(await moderation.MisuseAsync(period, ct)),
            Qualitative = DsaQualitative.From(policy.Current, measures, complaints),
        };
    }

    /// <summary>Art. 23 suspensions that were applied (confirmed, and perhaps lifted early since), by kind of misuse.</summary>
    private static DsaArt23 Art23(IReadOnlyList<MisuseFact> measures)
    {
        var applied = measures.Where(m => m.Measure == "suspension" && m.State is "confirmed" or "lifted").ToList();
        return new DsaArt23(applied.Count(m => m.Kind == "illegalContent"), applied.Count(m => m.Kind == "unfoundedNotices"), applied.Count(m => m.Kind == "unfoundedComplaints"));
    }

    /// <summary>Actions on notices: decisions whose source is an Art. 16 notice or a trusted flagger.</summary>
    private static List<DsaNoticeAction> NoticeActions(IEnumerable<ModerationFact> decisions) =>
        [.. decisions.Select(d => d.ToDsa()).Where(m => m.OnNotice).Select(m => new DsaNoticeAction(m.Category, m.Keyword, m.Source == DsaMeasure.TrustedFlagger, m.OnTheLaw))];

    /// <summary>Each dispute as the template reads it at the period's end: an outcome given after it is pending.</summary>
    private static List<DsaDispute> Disputes(IEnumerable<DisputeFact> disputes, DateTimeOffset end) =>
        [.. disputes.Select(d => d.DecidedOn is { } day && new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) < end
            ? new DsaDispute(d.Outcome!, d.Outcome is "upheld" or "partiallyReversed" or "reversed" ? d.Hours : null)
            : new DsaDispute("pending", null))];

    private static List<DsaComplaint> Complaints(IEnumerable<AppealFact> appeals, IEnumerable<ModerationFact> decisions, DateTimeOffset end)
    {
        var byHash = decisions.ToDictionary(d => d.CaseHash, d => d.ToDsa(), StringComparer.Ordinal);
        return [.. appeals.Where(a => byHash.ContainsKey(a.DecisionHash))
            .Select(a => new DsaComplaint(byHash[a.DecisionHash], a.OutcomeAt(end), a.OutcomeAt(end) == DsaComplaintOutcome.Pending ? null : a.Hours))];
    }
}
