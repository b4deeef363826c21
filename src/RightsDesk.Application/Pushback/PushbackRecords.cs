using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Impact;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Pushback;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Pushback;

namespace RightsDesk.Application.Pushback;

/// <summary>Record a legal challenge, an advocacy request or a refusal, and move it on. Every change is a 71xx ledger event.</summary>
public sealed class PushbackRecords(RightsDeskDbContext db, PolicyProvider policy, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<Guid> RecordAsync(PushbackInput input, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await EnsureDemandsAsync(input.Demands, ct);
        var now = clock.GetUtcNow();
        var record = new PushbackRecord
        {
            Id = Guid.CreateVersion7(now), Kind = input.Kind, Subject = input.Subject, Country = input.Country,
            OffencesJson = ImpactStore.Json(input.Offences), Court = input.Court, CaseNumber = input.CaseNumber, Target = input.Target,
            Status = input.Status, Outcome = input.Outcome, Started = input.Started,
            Concluded = input.Status == PushbackStatus.Concluded ? DateOnly.FromDateTime(now.UtcDateTime) : null,
            DemandsJson = ImpactStore.Json(input.Demands), Summary = input.Summary, PolicyVersion = policy.Current.Version,
            CreatedAt = now, CreatedBy = by.LedgerName, UpdatedAt = now,
        };
        db.Pushback.Add(record);
        ledger.Record(new PushbackRecorded(record.Id, input.Kind, input.Country, input.Offences, input.Status, input.Target, input.Demands.Count,
            ImpactStore.Sha256(ImpactStore.Json(input))), by, record.Id.ToString());
        await ledger.SaveAsync(ct);
        return record.Id;
    }

    /// <returns>False when there is no such record.</returns>
    public async Task<bool> ChangeStatusAsync(Guid id, PushbackStatusInput input, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await db.Pushback.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        if (record.Status == input.Status && record.Outcome == input.Outcome)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        ledger.Record(new PushbackStatusChanged(id, record.Status, input.Status, input.Outcome, ImpactStore.Sha256(input.Note ?? "")), by, id.ToString());
        record.Status = input.Status;
        record.Outcome = input.Outcome;
        record.Concluded = input.Status == PushbackStatus.Concluded ? DateOnly.FromDateTime(now.UtcDateTime) : null;
        record.UpdatedAt = now;
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>Every linked demand must exist; each unknown one is refused by its index.</summary>
    private async Task EnsureDemandsAsync(IReadOnlyList<Guid> demands, CancellationToken ct)
    {
        if (demands.Count == 0)
        {
            return;
        }

        var known = await db.Demands.Where(d => demands.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        var errors = demands.Select((d, i) => (d, i)).Where(x => !known.Contains(x.d)).Select(x => new FieldError($"demands[{x.i}]", "No such demand.")).ToList();
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
