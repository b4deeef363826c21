using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Impact;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Impact;

/// <summary>Add a mitigation to the plan and move it through its statuses (verified only by someone other than its owner).</summary>
public sealed class ImpactMitigations(ImpactStore store, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<Guid?> AddAsync(Guid assessment, MitigationInput input, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await store.FindAsync(assessment, ct) is null)
        {
            return null;
        }

        await store.EnsureRisksAsync(assessment, input.Risks, "risks", ct);
        var owner = await store.AccountAsync(input.Owner, ct)
            ?? throw new ValidationFailedException([new FieldError("owner", "No desk account has this user name: the owner must be someone who can sign in.")]);
        var now = clock.GetUtcNow();
        var row = new ImpactMitigationRecord
        {
            Id = Guid.CreateVersion7(now), AssessmentId = assessment, Title = input.Title, RisksJson = ImpactStore.Json(input.Risks),
            OwnerId = owner.Id, OwnerName = owner.Name, Due = input.Due, Measure = input.Measure, Status = MitigationStatus.Proposed, CreatedAt = now,
        };
        store.Db.ImpactMitigations.Add(row);
        ledger.Record(new ImpactMitigationAdded(assessment, row.Id, input.Measure, input.Due, input.Risks.Count, ImpactStore.Sha256(input.Title)), by, assessment.ToString());
        await ledger.SaveAsync(ct);
        return row.Id;
    }

    /// <returns>False when there is no such assessment.</returns>
    /// <exception cref="ValidationFailedException">with every reason the change is refused.</exception>
    public async Task<bool> ChangeStatusAsync(Guid assessment, MitigationStatusInput change, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await store.FindAsync(assessment, ct) is null)
        {
            return false;
        }

        var row = await store.Db.ImpactMitigations.FirstOrDefaultAsync(m => m.Id == change.Mitigation && m.AssessmentId == assessment, ct)
            ?? throw new ValidationFailedException([new FieldError("mitigation", "Not a mitigation of this assessment.")]);
        var errors = MitigationRules.Check(new MitigationState(Actor.Person(row.OwnerId, row.OwnerName), row.Status), change, by);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var from = row.Status;
        row.Status = change.Status;
        row.Reason = change.Reason;
        row.EvidenceJson = ImpactStore.Json(change.Evidence);
        row.StatusById = by.Id;
        row.StatusByName = by.LedgerName;
        row.StatusAt = clock.GetUtcNow();
        ledger.Record(new ImpactMitigationStatusChanged(assessment, row.Id, from, change.Status, change.Evidence.Count,
            ImpactStore.Sha256((change.Reason ?? "") + "\n" + string.Join("\n", change.Evidence))), by, assessment.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }
}
