using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Impact;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Impact;

/// <summary>Open an assessment, move it through the DIHR phases, add its risks. Every change is a 7xxx ledger event.</summary>
public sealed class ImpactAssessments(ImpactStore store, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<Guid> CreateAsync(AssessmentInput input, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        _ = store.Rules;
        var now = clock.GetUtcNow();
        var record = new ImpactAssessmentRecord
        {
            Id = Guid.CreateVersion7(now), Title = input.Title, Trigger = input.Trigger, Phase = input.Phase,
            ScopeJson = ImpactStore.Json(input.Scope), AssessorsJson = ImpactStore.Json(input.Assessors),
            AssuranceJson = input.Assurance is null ? null : ImpactStore.Json(input.Assurance), NextReviewDue = input.NextReviewDue,
            PolicyVersion = store.PolicyVersion, CreatedAt = now, CreatedBy = by.LedgerName,
        };
        store.Db.ImpactAssessments.Add(record);
        ledger.Record(new ImpactAssessmentCreated(record.Id, input.Trigger, input.Phase, input.Scope.Countries, input.NextReviewDue, ImpactStore.Sha256(ImpactStore.Json(input))), by, record.Id.ToString());
        await ledger.SaveAsync(ct);
        return record.Id;
    }

    /// <exception cref="ValidationFailedException">when <see cref="PhaseRules"/> forbid the step (a skip, a step back, monitoring before sign-off).</exception>
    public async Task<bool> ChangePhaseAsync(Guid id, AssessmentPhase phase, Actor by, CancellationToken ct)
    {
        var record = await store.FindAsync(id, ct);
        if (record is null)
        {
            return false;
        }

        var errors = PhaseRules.Check(record.Phase, phase, record.SignedOffAt is not null);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        if (record.Phase != phase)
        {
            ledger.Record(new ImpactPhaseChanged(id, record.Phase, phase), by, id.ToString());
            record.Phase = phase;
            await ledger.SaveAsync(ct);
        }

        return true;
    }

    /// <returns>The new risk's id, or null when there is no such assessment.</returns>
    public async Task<Guid?> AddRiskAsync(Guid id, ImpactRisk risk, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var record = await store.FindAsync(id, ct);
        if (record is null)
        {
            return null;
        }

        var rule = store.Rules.Severity;
        var now = clock.GetUtcNow();
        var json = ImpactStore.Json(risk);
        var row = new ImpactRiskRecord { Id = Guid.CreateVersion7(now), AssessmentId = id, Json = json, Severity = risk.Inherent.Severity(rule), CreatedAt = now, CreatedBy = by.LedgerName };
        store.Db.ImpactRisks.Add(row);
        ledger.Record(new ImpactRiskAdded(id, row.Id, risk.Nature, risk.Involvement, row.Severity, risk.Inherent.Likelihood?.Value, risk.Rights, ImpactStore.Sha256(json)), by, id.ToString());
        await ledger.SaveAsync(ct);
        return row.Id;
    }
}
