using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Impact;
using RightsDesk.Data.Impact;

namespace RightsDesk.Application.Impact;

/// <summary>Reads assessments for the desk and the API: risks in the order UNGP 24 asks for, the risk matrix, the gate.</summary>
public sealed class ImpactQueries(ImpactStore store, PolicyProvider policy, TimeProvider clock)
{
    /// <summary>The matrix's columns: actual impacts (0) first, then likelihood from most to least likely.</summary>
    public static readonly IReadOnlyList<int> MatrixColumns = [0, 4, 3, 2, 1];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<AssessmentSummary>> ListAsync(CancellationToken ct)
    {
        var rows = await store.Db.ImpactAssessments.AsNoTracking().OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        var counts = await store.Db.ImpactRisks.AsNoTracking().GroupBy(r => r.AssessmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(a => new AssessmentSummary(a.Id, a.Title, a.Trigger, a.Phase, ImpactStore.Read<AssessmentScope>(a.ScopeJson).Countries, a.NextReviewDue,
            a.SignedOffAt is not null, a.NextReviewDue < Today, counts.FirstOrDefault(c => c.Key == a.Id)?.Count ?? 0)).ToList();
    }

    public async Task<AssessmentView?> GetAsync(Guid id, CancellationToken ct)
    {
        var a = await store.Db.ImpactAssessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        var rule = store.Rules.Severity;
        var riskRows = await store.Db.ImpactRisks.AsNoTracking().Where(r => r.AssessmentId == id).ToListAsync(ct);
        var ordered = RiskOrder.Sort(riskRows.Select(r => (r.Id, Risk: ImpactStore.Read<ImpactRisk>(r.Json))), x => x.Risk, rule);
        var risks = ordered.Select((x, i) =>
        {
            var severity = x.Risk.Inherent.Severity(rule);
            var residual = x.Risk.Residual?.Severity(rule);
            return new RiskView(x.Id, i + 1, x.Risk, severity, rule.Band(severity), residual, residual is { } r ? rule.Band(r) : null);
        }).ToList();
        var mitigations = (await store.Db.ImpactMitigations.AsNoTracking().Where(m => m.AssessmentId == id).OrderBy(m => m.Due).ThenBy(m => m.Id).ToListAsync(ct))
            .Select(m => new MitigationView(m.Id, m.Title, ImpactStore.Read<List<Guid>>(m.RisksJson), m.OwnerName, m.Due, m.Measure, m.Status, m.Reason,
                ImpactStore.Read<List<string>>(m.EvidenceJson), m.StatusByName, m.StatusAt)).ToList();
        var reviews = (await store.Db.ImpactReviews.AsNoTracking().Where(r => r.AssessmentId == id).OrderBy(r => r.RaisedAt).ToListAsync(ct))
            .Select(r => new ReviewView(r.Id, r.Kind, r.Cause, r.RaisedAt, r.Summary, r.NextReviewDue, r.ConductedByName, r.ConductedAt, r.SignedOffByName, r.SignedOffAt)).ToList();
        var benchmarks = await BenchmarksAsync(id, ct);
        var consultations = await store.Db.ImpactConsultations.CountAsync(c => c.AssessmentId == id, ct);
        return new AssessmentView(a.Id, a.Title, a.Trigger, ImpactStore.Read<AssessmentScope>(a.ScopeJson), a.Phase, ImpactStore.Read<List<Assessor>>(a.AssessorsJson),
            a.NextReviewDue, a.AssuranceJson is null ? null : ImpactStore.Read<ExternalAssurance>(a.AssuranceJson), a.SignedOffAt, a.SignedOffBy, a.NextReviewDue < Today,
            a.PolicyVersion, risks, mitigations, reviews, benchmarks, consultations, Matrix(risks, rule));
    }

    public async Task<IReadOnlyList<BenchmarkView>> BenchmarksAsync(Guid assessment, CancellationToken ct)
    {
        var rows = await store.Db.Benchmarks.AsNoTracking().Where(b => b.AssessmentId == assessment).OrderBy(b => b.CreatedAt).ToListAsync(ct);
        var ids = rows.Select(b => b.Id).ToList();
        var readings = await store.Db.BenchmarkReadings.AsNoTracking().Where(r => ids.Contains(r.BenchmarkId)).ToListAsync(ct);
        return rows.Select(b => new BenchmarkView(b.Id, b.AssessmentId, b.Title, b.Metric, b.Country, b.MitigationId, b.Commitment, b.Baseline, b.Target, b.Direction,
            readings.Where(r => r.BenchmarkId == b.Id).OrderBy(r => r.At).ThenBy(r => r.TreeSize)
                .Select(r => new ReadingView(r.Id, r.Value, r.At, r.TreeSize, r.OnTarget)).ToList())).ToList();
    }

    /// <summary>Markets and launches without a signed, current assessment, and reviews past due.</summary>
    public async Task<IReadOnlyList<GateGap>> GateAsync(CancellationToken ct)
    {
        var rows = await store.Db.ImpactAssessments.AsNoTracking().ToListAsync(ct);
        var assessments = rows.Select(a =>
        {
            var scope = ImpactStore.Read<AssessmentScope>(a.ScopeJson);
            return new GateAssessment(a.Id, a.Title, a.Trigger, scope.Countries, scope.Products, a.SignedOffAt, a.NextReviewDue);
        }).ToList();
        return ImpactGate.Gaps(policy.Current.Markets, assessments, Today);
    }

    /// <summary>Bands from most to least severe (rows) by likelihood 4..1 then "actual" (columns), each with the ranks in it.</summary>
    private static List<MatrixCell> Matrix(IReadOnlyList<RiskView> risks, SeverityRule rule) =>
        rule.Bands.OrderByDescending(b => b.AtLeast)
            .SelectMany(b => MatrixColumns.Select(l => new MatrixCell(b.Name, l, risks
                .Where(r => r.Band == b.Name && (r.Risk.Inherent.Likelihood?.Value ?? 0) == l).Select(r => r.Rank).ToList())))
            .ToList();
}
