using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Impact;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Impact;

/// <summary>
/// Reviews of an assessment: one person conducts a review, another signs it off (four eyes through the kernel), and
/// only then is the assessment signed and current until the review's next date. A review the system raised (a
/// benchmark off target) waits, listed, until someone conducts it.
/// </summary>
public sealed class ImpactReviews(ImpactStore store, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<Guid?> ConductAsync(Guid assessment, ReviewInput input, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        FourEyes.EnsureMayDecide(by);
        if (await store.FindAsync(assessment, ct) is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        // A raised review is the one this conducts, when it is of the same kind; else the review is new.
        var row = await store.Db.ImpactReviews.Where(r => r.AssessmentId == assessment && r.ConductedAt == null && r.Kind == input.Kind)
            .OrderBy(r => r.RaisedAt).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new ImpactReviewRecord { Id = Guid.CreateVersion7(now), AssessmentId = assessment, Kind = input.Kind, RaisedAt = now };
            store.Db.ImpactReviews.Add(row);
        }

        row.Cause = input.Cause ?? row.Cause;
        row.Summary = input.Summary;
        row.NextReviewDue = input.NextReviewDue;
        row.ConductedById = by.Id;
        row.ConductedByName = by.LedgerName;
        row.ConductedAt = now;
        ledger.Record(new ImpactReviewRecorded(assessment, row.Id, row.Kind, row.Cause, input.NextReviewDue, ImpactStore.Sha256(input.Summary)), by, assessment.ToString());
        await ledger.SaveAsync(ct);
        return row.Id;
    }

    /// <returns>False when there is no such assessment.</returns>
    /// <exception cref="WorkflowException">when the one signing is the one who conducted it, or it was signed already.</exception>
    public async Task<bool> SignOffAsync(Guid assessment, Guid review, Actor by, CancellationToken ct)
    {
        var record = await store.FindAsync(assessment, ct);
        if (record is null)
        {
            return false;
        }

        var row = await store.Db.ImpactReviews.FirstOrDefaultAsync(r => r.Id == review && r.AssessmentId == assessment, ct)
            ?? throw new ValidationFailedException([new FieldError("review", "Not a review of this assessment.")]);
        if (row.ConductedAt is null || row.ConductedById is null)
        {
            throw new WorkflowException("This review has not been conducted yet: record its findings before signing it off.");
        }

        if (row.SignedOffAt is not null)
        {
            throw new WorkflowException("This review is already signed off.");
        }

        FourEyes.Approve(Actor.Person(row.ConductedById, row.ConductedByName!), [], new Approval(by, false), required: 1, escalated: false);
        var now = clock.GetUtcNow();
        row.SignedOffAt = now;
        row.SignedOffById = by.Id;
        row.SignedOffByName = by.LedgerName;
        record.SignedOffAt = now;
        record.SignedOffBy = by.LedgerName;
        record.NextReviewDue = row.NextReviewDue!.Value;
        ledger.Record(new ImpactReviewSignedOff(assessment, row.Id, record.NextReviewDue), by, assessment.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>Raises a triggered review unless one for the same benchmark is still waiting; joins the caller's unit of work.</summary>
    public async Task RaiseAsync(Guid assessment, ReviewCause cause, Guid? benchmark, CancellationToken ct)
    {
        var waiting = await store.Db.ImpactReviews.AnyAsync(r => r.AssessmentId == assessment && r.ConductedAt == null && r.BenchmarkId == benchmark, ct)
            || store.Db.ImpactReviews.Local.Any(r => r.AssessmentId == assessment && r.ConductedAt == null && r.BenchmarkId == benchmark);
        if (waiting)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var row = new ImpactReviewRecord { Id = Guid.CreateVersion7(now), AssessmentId = assessment, Kind = ReviewKind.Triggered, Cause = cause, BenchmarkId = benchmark, RaisedAt = now };
        store.Db.ImpactReviews.Add(row);
        ledger.Record(new ImpactReviewRaised(assessment, row.Id, cause, benchmark), LedgerWriter.SystemActor, assessment.ToString());
    }
}
