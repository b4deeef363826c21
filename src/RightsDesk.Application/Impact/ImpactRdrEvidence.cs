using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Impact;

namespace RightsDesk.Application.Impact;

/// <summary>Gathers what RDR G4a is scored from: the operating markets, each assessment's scope, sign-off, rights and assurance, and the raised reviews.</summary>
public sealed class ImpactRdrEvidence(ImpactStore store, ImpactQueries queries, PolicyProvider policy, TimeProvider clock)
{
    public async Task<G4aEvidence> GatherAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await store.Db.ImpactAssessments.AsNoTracking().ToListAsync(ct);
        var risks = await store.Db.ImpactRisks.AsNoTracking().Select(r => new { r.AssessmentId, r.Json }).ToListAsync(ct);
        var assessments = rows.Select(a =>
        {
            var scope = ImpactStore.Read<AssessmentScope>(a.ScopeJson);
            var assurance = a.AssuranceJson is null ? null : ImpactStore.Read<ExternalAssurance>(a.AssuranceJson);
            var rights = risks.Where(r => r.AssessmentId == a.Id).SelectMany(r => ImpactStore.Read<ImpactRisk>(r.Json).Rights).ToHashSet(StringComparer.Ordinal);
            return new G4aAssessment(a.Trigger, scope.Countries, a.SignedOffAt is not null, a.NextReviewDue >= today, rights, assurance is not null, assurance?.Accredited == true);
        }).ToList();
        var raised = await store.Db.ImpactReviews.AsNoTracking().Where(r => r.Kind != ReviewKind.Scheduled)
            .Select(r => r.ConductedAt != null).ToListAsync(ct);
        var gaps = await queries.GateAsync(ct);
        return new G4aEvidence
        {
            OperatingMarkets = policy.Current.Markets.Select(m => m.Country).Order(StringComparer.Ordinal).ToList(),
            Assessments = assessments,
            UncoveredLaunches = gaps.Count(g => g.Kind == GateGapKind.LaunchWithoutAssessment),
            RaisedReviews = raised.Count,
            RaisedReviewsConducted = raised.Count(c => c),
        };
    }
}
