using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Impact;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Impact;

/// <summary>
/// Consultations with affected stakeholders and experts, sealed like demands: each under its own data key, bound to
/// <c>consultations:{id}:body</c>. Reading them back is a sensitive read and goes in the ledger.
/// </summary>
public sealed class ImpactConsultations(ImpactStore store, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    private sealed record Sealed(bool Consented, IReadOnlyList<string> NamedParticipants, string Precautions, IReadOnlyList<string> IssuesRaised, string? ReportedBack);

    public async Task<Guid?> RecordAsync(Guid assessment, ConsultationInput input, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await store.FindAsync(assessment, ct) is null)
        {
            return null;
        }

        await store.EnsureRisksAsync(assessment, input.Risks, "risks", ct);
        var now = clock.GetUtcNow();
        var (dek, wrapped) = cipher.NewDataKey();
        var row = new ImpactConsultationRecord
        {
            Id = Guid.CreateVersion7(now), AssessmentId = assessment, Group = input.Group, Country = input.Country, Method = input.Method,
            HeldOn = input.HeldOn, Participants = input.Participants, RisksJson = ImpactStore.Json(input.Risks), WrappedKey = wrapped,
            CreatedAt = now, CreatedBy = by.LedgerName,
        };
        row.SealedBody = cipher.Encrypt(dek, ImpactStore.Json(new Sealed(input.Consented, input.NamedParticipants, input.Precautions, input.IssuesRaised, input.ReportedBack)),
            SealingContext.Consultation(row.Id, "body"));
        store.Db.ImpactConsultations.Add(row);
        ledger.Record(new ImpactConsultationRecorded(assessment, row.Id, input.Group, input.Country, input.Method, input.Participants, input.Risks.Count), by, assessment.ToString());
        await ledger.SaveAsync(ct);
        return row.Id;
    }

    /// <returns>Null when there is no such assessment.</returns>
    public async Task<IReadOnlyList<ConsultationView>?> ListAsync(Guid assessment, Actor by, CancellationToken ct)
    {
        if (await store.FindAsync(assessment, ct) is null)
        {
            return null;
        }

        var rows = await store.Db.ImpactConsultations.AsNoTracking().Where(c => c.AssessmentId == assessment).OrderBy(c => c.HeldOn).ThenBy(c => c.Id).ToListAsync(ct);
        ledger.Record(new ImpactConsultationsRead(assessment, rows.Count), by, assessment.ToString());
        await ledger.SaveAsync(ct);
        return rows.Select(r =>
        {
            var body = ImpactStore.Read<Sealed>(cipher.Decrypt(cipher.Unwrap(r.WrappedKey), r.SealedBody, SealingContext.Consultation(r.Id, "body")));
            return new ConsultationView(r.Id, r.Group, r.Country, r.Method, r.HeldOn, r.Participants, body.Consented, body.NamedParticipants, body.Precautions,
                body.IssuesRaised, ImpactStore.Read<List<Guid>>(r.RisksJson), body.ReportedBack);
        }).ToList();
    }
}
