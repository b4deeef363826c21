using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Transparency;
using RightsDesk.Core.Transparency.Dsa;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.Transparency.Dsa;

/// <summary>
/// The DSA harmonised-template report for a calendar year, computed from the record: orders from the demands (the
/// same de-identified records the platform's own report uses), actions on notices from the moderation decisions.
/// The figures are exact, as the regulation requires: no bands.
/// </summary>
public sealed class DsaExport(RightsDeskDbContext db, FieldCipher cipher, IEnumerable<ITransparencySource> sources, PolicyProvider policy, TimeProvider clock)
{
    private static readonly string[] NoticeSources = ["SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER"];

    public async Task<IReadOnlyList<DsaSheet>> BuildAsync(int year, int version, DateOnly? previousPublication, CancellationToken ct)
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
        var actions = await NoticeActionsAsync(period, ct);
        var name = policy.Current.Operator.Name;
        return DsaTemplate.Build(new DsaReportInput(
            name, name, year, version, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), previousPublication, orders, actions));
    }

    private async Task<List<DsaNoticeAction>> NoticeActionsAsync(ReportPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var rows = await db.ModerationDecisions.AsNoTracking()
            .Where(r => r.ReceivedAt >= start && r.ReceivedAt < end && NoticeSources.Contains(r.SourceType))
            .Select(r => new { r.Id, r.Category, r.SourceType, r.DecisionGround, r.WrappedKey, r.SealedDecision })
            .ToListAsync(ct);
        var actions = new List<DsaNoticeAction>(rows.Count);
        foreach (var r in rows)
        {
            // The keywords are sealed with the decision (they can describe the content); only the first is kept, so
            // each decision is counted once and the keyword rows add up to their category.
            var dek = cipher.Unwrap(r.WrappedKey);
            var decision = JsonSerializer.Deserialize<ModerationDecision>(cipher.Decrypt(dek, r.SealedDecision, SealingContext.Moderation(r.Id, "decision")), JsonNames.Options)!;
            actions.Add(new DsaNoticeAction(r.Category, decision.CategorySpecification is [var first, ..] ? first : null, r.SourceType == "SOURCE_TRUSTED_FLAGGER", r.DecisionGround == Tdb.GroundIllegal));
        }

        return actions;
    }
}
