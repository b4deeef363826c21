using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Application.Transparency;

/// <summary>
/// Reads moderation decisions and appeals as de-identified facts. The keyword and the restrictions are sealed with
/// the decision (they sit beside the facts that can describe a person), so each decision is opened once, one at a
/// time, and only the Transparency Database's values are kept.
/// </summary>
public sealed class ModerationFactReader(RightsDeskDbContext db, FieldCipher cipher)
{
    public const string DecisionPurpose = "transparency-moderation";
    public const string AppealPurpose = "transparency-appeal";
    public const string DisputePurpose = "transparency-dispute";
    public const string MisusePurpose = "transparency-misuse";

    /// <summary>The decisions received in the period.</summary>
    public async Task<IReadOnlyList<ModerationFact>> DecisionsAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        return await ReadAsync(db.ModerationDecisions.AsNoTracking().Where(r => r.ReceivedAt >= start && r.ReceivedAt < end), ct);
    }

    /// <summary>The appeals submitted in the period, and the decisions they are about (wherever those were received).</summary>
    public async Task<(IReadOnlyList<AppealFact> Appeals, IReadOnlyList<ModerationFact> Decisions)> AppealsAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await db.Appeals.AsNoTracking().Where(a => a.SubmittedAt >= start && a.SubmittedAt < end)
            .Select(a => new { a.Id, a.DecisionId, a.SubmittedAt, a.DecidedAt, a.Outcome }).ToListAsync(ct);
        var ids = rows.Select(r => r.DecisionId).Distinct().ToList();
        var decisions = await ReadAsync(db.ModerationDecisions.AsNoTracking().Where(r => ids.Contains(r.Id)), ct);
        var appeals = rows
            .Select(a => new AppealFact(
                cipher.BlindIndex(AppealPurpose, a.Id.ToString("N")), DecisionHash(a.DecisionId), a.SubmittedAt, a.DecidedAt,
                a.Outcome is { } o ? o.ToString().ToLowerInvariant() : null))
            .OrderBy(a => a.CaseHash, StringComparer.Ordinal)
            .ToList();
        return (appeals, decisions);
    }

    /// <summary>The out-of-court referrals made in the period (by the day referred), with the bodies' outcomes.</summary>
    public async Task<IReadOnlyList<DisputeFact>> DisputesAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (first, end) = (DateOnly.FromDateTime(period.Start.UtcDateTime), DateOnly.FromDateTime(period.End.UtcDateTime));
        var rows = await db.Disputes.AsNoTracking().Where(d => d.ReferredOn >= first && d.ReferredOn < end)
            .Select(d => new { d.Id, d.DecisionId, d.Side, d.ReferredOn, d.DecidedOn, d.Outcome }).ToListAsync(ct);
        return [.. rows
            .Select(d => new DisputeFact(
                cipher.BlindIndex(DisputePurpose, d.Id.ToString("N")), DecisionHash(d.DecisionId), JsonNames.Of(d.Side), d.ReferredOn, d.DecidedOn,
                d.Outcome is { } o ? JsonNames.Of(o) : null))
            .OrderBy(d => d.CaseHash, StringComparer.Ordinal)];
    }

    /// <summary>The decisions with these ids, wherever they were received (the decisions taken on notices).</summary>
    public async Task<IReadOnlyList<ModerationFact>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count == 0 ? [] : await ReadAsync(db.ModerationDecisions.AsNoTracking().Where(r => ids.Contains(r.Id)), ct);
    }

    /// <summary>The Art. 23 measures recorded in the period, as they stand now.</summary>
    public async Task<IReadOnlyList<MisuseFact>> MisuseAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var rows = await db.MisuseMeasures.AsNoTracking().Where(m => m.CreatedAt >= start && m.CreatedAt < end)
            .Select(m => new { m.Id, m.Kind, m.Party, m.Type, m.State, m.CreatedAt }).ToListAsync(ct);
        return [.. rows
            .Select(m => new MisuseFact(cipher.BlindIndex(MisusePurpose, m.Id.ToString("N")), JsonNames.Of(m.Kind), JsonNames.Of(m.Party), JsonNames.Of(m.Type),
                JsonNames.Of(m.State), m.CreatedAt))
            .OrderBy(m => m.CaseHash, StringComparer.Ordinal)];
    }

    public string DecisionHash(Guid id) => cipher.BlindIndex(DecisionPurpose, id.ToString("N"));

    private async Task<IReadOnlyList<ModerationFact>> ReadAsync(IQueryable<Data.Moderation.ModerationDecisionRecord> query, CancellationToken ct)
    {
        var facts = new List<ModerationFact>();
        var rows = query.Select(r => new { r.Id, r.ReceivedAt, r.Category, r.DecisionGround, r.SourceType, r.AutomatedDecision, r.Rung, r.State, r.WrappedKey, r.SealedDecision });
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var dek = cipher.Unwrap(r.WrappedKey);
            var d = JsonSerializer.Deserialize<ModerationDecision>(cipher.Decrypt(dek, r.SealedDecision, SealingContext.Moderation(r.Id, "decision")), JsonNames.Options)!;
            facts.Add(new ModerationFact(
                DecisionHash(r.Id), r.ReceivedAt, r.Category, d.CategorySpecification is [var first, ..] ? first : null, r.DecisionGround, r.SourceType,
                d.AutomatedDetection == Tdb.Yes, r.AutomatedDecision, r.Rung.ToString(), [.. d.DecisionVisibility], d.DecisionMonetary, d.DecisionProvision, d.DecisionAccount,
                r.State.ToString().ToLowerInvariant()));
        }

        return [.. facts.OrderBy(f => f.CaseHash, StringComparer.Ordinal)];
    }
}
