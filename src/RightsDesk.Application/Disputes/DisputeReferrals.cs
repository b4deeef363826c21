using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Appeals;
using RightsDesk.Application.Common;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Disputes;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Disputes;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Disputes;

/// <summary>A referral as the desk and the platform give it: the decision (by id or puid), whose side, the body.</summary>
public sealed record ReferralInput(DisputeSide Side, string? BodyName, string? BodyMemberState, DateOnly ReferredOn);

/// <summary>The decision a referral would be recorded on, as the desk's form shows it.</summary>
public sealed record ReferralTarget(Guid DecisionId, string Puid, DateOnly ApplicationDate, Guid? AppealId);

/// <summary>A referral with its reasons opened, for the desk's section on a decision or an appeal.</summary>
public sealed record DisputeView(DisputeRecord Dispute, string? Reasons);

/// <summary>
/// Out-of-court dispute referrals (DSA Art. 21): recording that a decision went to a certified body, and then the
/// body's outcome. A reversal lifts the restriction through <see cref="RestrictionLift"/>, as a reversed appeal does,
/// in the same unit of work as the outcome and its ledger event. An outcome recorded by a person on the desk is sent
/// to the platform by the signed webhook (<c>dispute.decided</c>) so it can carry out a lift; one the platform
/// reported itself is not echoed back to it.
/// </summary>
public sealed class DisputeReferrals(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, IOutbox outbox, TimeProvider clock)
{
    public const string OutcomeTopic = "dispute-outcome";

    public async Task<DisputeRecord?> ReferByPuidAsync(string puid, ReferralInput input, Actor actor, CancellationToken ct)
    {
        var decision = await db.ModerationDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Puid == puid, ct);
        return decision is null ? null : await ReferAsync(decision, input, actor, ct);
    }

    public async Task<DisputeRecord?> ReferAsync(Guid decisionId, ReferralInput input, Actor actor, CancellationToken ct)
    {
        var decision = await db.ModerationDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, ct);
        return decision is null ? null : await ReferAsync(decision, input, actor, ct);
    }

    /// <summary>The body's outcome on a referral; null when there is no such referral.</summary>
    /// <exception cref="ValidationFailedException">when the reasons or the day are wrong.</exception>
    /// <exception cref="WorkflowException">when the referral is closed already.</exception>
    public async Task<DisputeRecord?> RecordOutcomeAsync(Guid id, DisputeOutcome outcome, DateOnly decidedOn, string? reasons, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var dispute = await db.Disputes.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dispute is null)
        {
            return null;
        }

        if (dispute.State == DisputeState.Closed)
        {
            throw new WorkflowException("The body's outcome on this referral is recorded already.");
        }

        var now = clock.GetUtcNow();
        var errors = DisputeRules.CheckOutcome(reasons, decidedOn, dispute.ReferredOn, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var text = reasons!.Trim();
        var decision = await db.ModerationDecisions.FirstAsync(d => d.Id == dispute.DecisionId, ct);
        dispute.State = DisputeState.Closed;
        dispute.Outcome = outcome;
        dispute.DecidedOn = decidedOn;
        dispute.OutcomeRecordedAt = now;
        dispute.OutcomeRecordedBy = actor.LedgerName;
        dispute.SealedReasons = cipher.Encrypt(cipher.Unwrap(dispute.WrappedKey), text, Context(dispute.Id, "reasons"));
        dispute.RestrictionLifted = DisputeRules.LiftsRestriction(outcome) && RestrictionLift.Lift(decision, text, actor, now, cipher, ledger);
        ledger.Record(new DisputeOutcomeRecorded(decision.Id, outcome, decidedOn, dispute.RestrictionLifted, SubmitAppeal.Sha256(text)), actor, dispute.Id.ToString());
        if (actor.IsPerson)
        {
            await QueueOutcomeAsync(dispute, decision, ct);
        }

        try
        {
            await ledger.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowException("The body's outcome on this referral was recorded at the same moment by someone else.");
        }

        return dispute;
    }

    /// <summary>The referrals on a decision, oldest first, with the body's reasons opened (a sensitive read, ledgered
    /// when there are reasons to open).</summary>
    public async Task<IReadOnlyList<DisputeView>> ForDecisionAsync(Guid decisionId, Actor actor, CancellationToken ct)
    {
        var rows = await db.Disputes.AsNoTracking().Where(d => d.DecisionId == decisionId).OrderBy(d => d.RecordedAt).ToListAsync(ct);
        if (rows.Any(r => r.SealedReasons is not null))
        {
            ledger.Record(new DisputeRead(decisionId), actor, decisionId.ToString());
            await ledger.SaveAsync(ct);
        }

        return [.. rows.Select(r => new DisputeView(r, r.SealedReasons is null ? null : cipher.Decrypt(cipher.Unwrap(r.WrappedKey), r.SealedReasons, Context(r.Id, "reasons"))))];
    }

    /// <summary>One referral with its reasons opened (ledgered when there are reasons); null when there is none.</summary>
    public async Task<DisputeView?> OpenAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var decisionId = await db.Disputes.AsNoTracking().Where(d => d.Id == id).Select(d => (Guid?)d.DecisionId).FirstOrDefaultAsync(ct);
        return decisionId is { } decision ? (await ForDecisionAsync(decision, actor, ct)).Single(v => v.Dispute.Id == id) : null;
    }

    /// <summary>The decision a referral would be recorded on; null when there is no such decision.</summary>
    public async Task<ReferralTarget?> TargetAsync(Guid decisionId, CancellationToken ct)
    {
        var d = await db.ModerationDecisions.AsNoTracking().Where(r => r.Id == decisionId).Select(r => new { r.Id, r.Puid, r.ApplicationDate }).FirstOrDefaultAsync(ct);
        if (d is null)
        {
            return null;
        }

        var appeal = await db.Appeals.AsNoTracking().Where(a => a.DecisionId == decisionId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        return new ReferralTarget(d.Id, d.Puid, d.ApplicationDate, appeal);
    }

    /// <summary>Referral texts are sealed under the moderation scheme, named by the referral's id.</summary>
    public static SealingContext Context(Guid disputeId, string field) => SealingContext.Moderation(disputeId, "dispute." + field);

    private async Task<DisputeRecord> ReferAsync(ModerationDecisionRecord decision, ReferralInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var errors = DisputeRules.CheckReferral(input.BodyName, input.BodyMemberState, input.ReferredOn, decision.ApplicationDate, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var appeal = await db.Appeals.AsNoTracking().Where(a => a.DecisionId == decision.Id).Select(a => new { a.Id, a.State }).FirstOrDefaultAsync(ct);
        if (DisputeRules.WhyNotReferable(appeal?.State) is { } why)
        {
            throw new WorkflowException(why);
        }

        if (await db.Disputes.AnyAsync(d => d.DecisionId == decision.Id && d.Side == input.Side && d.State == DisputeState.Referred, ct))
        {
            throw new ConflictException("A referral from this side of the dispute is already with a body; its outcome comes first.");
        }

        var name = input.BodyName!.Trim();
        var (_, wrapped) = cipher.NewDataKey();
        var dispute = new DisputeRecord
        {
            Id = Guid.CreateVersion7(now), DecisionId = decision.Id, AppealId = appeal?.Id, Side = input.Side, BodyName = name,
            BodyMemberState = input.BodyMemberState!, ReferredOn = input.ReferredOn, RecordedAt = now, RecordedBy = actor.LedgerName,
            State = DisputeState.Referred, WrappedKey = wrapped,
        };
        db.Disputes.Add(dispute);
        ledger.Record(new DisputeReferred(decision.Id, appeal?.Id, input.Side, SubmitAppeal.Sha256(name), dispute.BodyMemberState, input.ReferredOn), actor, dispute.Id.ToString());
        await ledger.SaveAsync(ct);
        return dispute;
    }

    private async Task QueueOutcomeAsync(DisputeRecord dispute, ModerationDecisionRecord decision, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(new
        {
            @event = "dispute.decided",
            dispute = dispute.Id,
            puid = decision.Puid,
            outcome = JsonNames.Of(dispute.Outcome!.Value),
            decidedOn = dispute.DecidedOn,
            restrictionLifted = dispute.RestrictionLifted,
        }, JsonNames.Options);
        await outbox.EnqueueAsync(OutboxMessage.Webhook(OutcomeTopic, $"dispute-outcome:{dispute.Id:N}", new WebhookPayload("dispute.decided", json)) with
        {
            CorrelationId = dispute.Id.ToString(), SubjectId = dispute.Id.ToString(),
        }, ct);
    }
}
