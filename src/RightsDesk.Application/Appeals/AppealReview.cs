using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Appeals;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Appeals;

/// <summary>An appeal opened on the desk: the decision under appeal and what the appellant wrote.</summary>
public sealed record AppealDetail(AppealRecord Appeal, ModerationDecisionRecord Decision, ModerationDecision Body, string Statement, string? NewInformation, string? Reasons);

/// <summary>What the appellant sees with the code: where the appeal stands and, once decided, the outcome and reasons.</summary>
public sealed record AppealStatus(AppealState State, AppealOutcome? Outcome, string? Reasons, DateTimeOffset SubmittedAt, DateTimeOffset ReviewDue);

/// <summary>
/// The review of appeals: the queue by deadline, a reviewer taking an appeal, and the decision on it. The reviewer is
/// a person who took no part in the decision (<see cref="AppealRules.WhyNotReviewer"/>, checked when assigned and
/// again when deciding). The outcome goes to the appellant by e-mail when they left an address, and to the platform
/// by the signed webhook, both through the outbox in the same unit of work; a reversal lifts the restriction.
/// </summary>
public sealed class AppealReview(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, IOutbox outbox, TimeProvider clock)
{
    public const string OutcomeTopic = "appeal-outcome";

    public async Task<IReadOnlyList<AppealRecord>> QueueAsync(bool includeDecided, int take, CancellationToken ct)
    {
        var rows = db.Appeals.AsNoTracking();
        if (!includeDecided)
        {
            rows = rows.Where(a => a.State != AppealState.Decided);
        }

        return await rows.OrderBy(a => a.ReviewDue).Take(take).ToListAsync(ct);
    }

    /// <summary>Opens the appeal with the decision under it; a sensitive read, ledgered.</summary>
    public async Task<AppealDetail?> OpenAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var appeal = await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appeal is null)
        {
            return null;
        }

        var decision = await db.ModerationDecisions.AsNoTracking().FirstAsync(d => d.Id == appeal.DecisionId, ct);
        var body = JsonSerializer.Deserialize<ModerationDecision>(
            cipher.Decrypt(cipher.Unwrap(decision.WrappedKey), decision.SealedDecision, SealingContext.Moderation(decision.Id, "decision")), JsonNames.Options)!;
        var dek = cipher.Unwrap(appeal.WrappedKey);
        string? Open(byte[]? sealedText, string field) => sealedText is null ? null : cipher.Decrypt(dek, sealedText, SubmitAppeal.Context(appeal.Id, field));
        ledger.Record(new AppealRead(decision.Id), actor, appeal.Id.ToString());
        await ledger.SaveAsync(ct);
        return new AppealDetail(appeal, decision, body, Open(appeal.SealedStatement, "statement")!, Open(appeal.SealedNewInformation, "newInformation"), Open(appeal.SealedReasons, "reasons"));
    }

    /// <summary>What the holder of the decision's appeal code sees; null when no appeal was made yet.</summary>
    public async Task<AppealStatus?> StatusAsync(Guid decisionId, CancellationToken ct)
    {
        var appeal = await db.Appeals.AsNoTracking().FirstOrDefaultAsync(a => a.DecisionId == decisionId, ct);
        if (appeal is null)
        {
            return null;
        }

        var reasons = appeal.SealedReasons is null ? null : cipher.Decrypt(cipher.Unwrap(appeal.WrappedKey), appeal.SealedReasons, SubmitAppeal.Context(appeal.Id, "reasons"));
        return new AppealStatus(appeal.State, appeal.Outcome, reasons, appeal.SubmittedAt, appeal.ReviewDue);
    }

    /// <summary>Gives the appeal to <paramref name="reviewer"/> (who may be the actor, taking it).</summary>
    /// <exception cref="WorkflowException">when the reviewer took part in the decision, or the appeal is decided.</exception>
    public async Task<bool> AssignAsync(Guid id, Actor reviewer, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var (appeal, decision) = await LoadAsync(id, ct);
        if (appeal is null)
        {
            return false;
        }

        if (appeal.State == AppealState.Decided)
        {
            throw new WorkflowException("This appeal is decided.");
        }

        Eligible(reviewer, decision!);
        appeal.State = AppealState.Assigned;
        appeal.ReviewerId = reviewer.Id;
        appeal.Reviewer = reviewer.LedgerName;
        ledger.Record(new AppealAssigned(decision!.Id, reviewer.LedgerName), actor, appeal.Id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>The assigned reviewer decides, with reasons the appellant and the platform are given.</summary>
    /// <exception cref="ValidationFailedException">when the reasons are missing or too long.</exception>
    /// <exception cref="WorkflowException">when the actor is not the assigned, eligible reviewer.</exception>
    public async Task<bool> DecideAsync(Guid id, AppealOutcome outcome, string reasons, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = (reasons ?? "").Trim();
        if (text.Length is < AppealRules.MinReasons or > AppealRules.MaxReasons)
        {
            throw new ValidationFailedException([new FieldError("reasons", $"Give the reasons ({AppealRules.MinReasons} to {AppealRules.MaxReasons} characters); the appellant and the platform are told.")]);
        }

        var (appeal, decision) = await LoadAsync(id, ct);
        if (appeal is null)
        {
            return false;
        }

        if (appeal.State != AppealState.Assigned || !string.Equals(appeal.ReviewerId, actor.Id, StringComparison.Ordinal))
        {
            throw new WorkflowException(appeal.State == AppealState.Decided ? "This appeal is decided." : "Only the reviewer the appeal is assigned to decides it; take it first.");
        }

        Eligible(actor, decision!);
        var now = clock.GetUtcNow();
        var dek = cipher.Unwrap(appeal.WrappedKey);
        appeal.State = AppealState.Decided;
        appeal.Outcome = outcome;
        appeal.DecidedAt = now;
        appeal.SealedReasons = cipher.Encrypt(dek, text, SubmitAppeal.Context(appeal.Id, "reasons"));
        var hash = SubmitAppeal.Sha256(text);
        if (outcome == AppealOutcome.Reversed && RestrictionLift.Lift(decision!, text, actor, now, cipher, ledger))
        {
            appeal.RestrictionLifted = true;
        }

        ledger.Record(new AppealDecided(decision!.Id, outcome, appeal.RestrictionLifted, hash), actor, appeal.Id.ToString());
        await QueueOutcomeAsync(appeal, decision, dek, text, ct);
        await ledger.SaveAsync(ct);
        return true;
    }

    private async Task QueueOutcomeAsync(AppealRecord appeal, ModerationDecisionRecord decision, byte[] dek, string reasons, CancellationToken ct)
    {
        var key = $"appeal-outcome:{appeal.Id:N}";
        if (appeal.SealedContact is { } sealedContact)
        {
            var (subject, body) = AppealOutcomeMail.Compose(appeal.Language, appeal.Outcome!.Value, reasons);
            var to = cipher.Decrypt(dek, sealedContact, SubmitAppeal.Context(appeal.Id, "contact"));
            await outbox.EnqueueAsync(OutboxMessage.Email(OutcomeTopic, key, new EmailPayload(to, subject, body)) with
            {
                CorrelationId = appeal.Id.ToString(), SubjectId = appeal.Id.ToString(),
            }, ct);
        }

        var json = JsonSerializer.Serialize(new
        {
            @event = "appeal.decided",
            appeal = appeal.Id,
            puid = decision.Puid,
            outcome = JsonNames.Of(appeal.Outcome!.Value),
            restrictionLifted = appeal.RestrictionLifted,
            reasons,
            language = appeal.Language,
        }, JsonNames.Options);
        await outbox.EnqueueAsync(OutboxMessage.Webhook(OutcomeTopic, key, new WebhookPayload("appeal.decided", json)) with
        {
            CorrelationId = appeal.Id.ToString(), SubjectId = appeal.Id.ToString(),
        }, ct);
    }

    private static void Eligible(Actor reviewer, ModerationDecisionRecord decision)
    {
        if (AppealRules.WhyNotReviewer(reviewer, new DecisionParties(decision.SubmittedById, decision.ReviewedById)) is { } why)
        {
            throw new WorkflowException(why);
        }
    }

    private async Task<(AppealRecord? Appeal, ModerationDecisionRecord? Decision)> LoadAsync(Guid id, CancellationToken ct)
    {
        var appeal = await db.Appeals.FirstOrDefaultAsync(a => a.Id == id, ct);
        return appeal is null ? (null, null) : (appeal, await db.ModerationDecisions.FirstAsync(d => d.Id == appeal.DecisionId, ct));
    }
}
