using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Moderation;

/// <summary>Which decisions the review queue shows.</summary>
public enum ReviewList { Held, ReviewDue, All }

/// <summary>One event of a decision's history, as the ledger has it.</summary>
public sealed record DecisionHistoryEntry(DateTimeOffset At, string Event, string Actor);

/// <summary>A decision opened on the desk: what it says, and what has happened to it.</summary>
public sealed record DecisionDetail(ModerationDecisionRecord Record, ModerationDecision Decision, string? ReviewReason, IReadOnlyList<DecisionHistoryEntry> History);

/// <summary>
/// The desk's review of moderation decisions: the queue (held measures first, then indefinite ones due for review),
/// a person confirming a held measure or lifting one with a reason, and a decision's history. Only a person acts,
/// and never the person who reported the decision: a second look means a second pair of eyes.
/// </summary>
public sealed class ModerationReview(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, TimeProvider clock)
{
    public const int MaxReason = 2000;

    public async Task<IReadOnlyList<ModerationDecisionRecord>> ListAsync(ReviewList queue, int take, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = db.ModerationDecisions.AsNoTracking();
        rows = queue switch
        {
            ReviewList.Held => rows.Where(r => r.State == ModerationState.Held),
            ReviewList.ReviewDue => rows.Where(r => r.State == ModerationState.Active && r.ReviewDue != null && r.ReviewDue <= today),
            _ => rows,
        };
        return await rows.OrderByDescending(r => r.ReceivedAt).Take(take).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<ReviewList, int>> CountAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = db.ModerationDecisions.AsNoTracking();
        return new Dictionary<ReviewList, int>
        {
            [ReviewList.Held] = await rows.CountAsync(r => r.State == ModerationState.Held, ct),
            [ReviewList.ReviewDue] = await rows.CountAsync(r => r.State == ModerationState.Active && r.ReviewDue != null && r.ReviewDue <= today, ct),
            [ReviewList.All] = await rows.CountAsync(ct),
        };
    }

    /// <summary>The decision with its sealed texts and its history; opening it is a sensitive read, ledgered.</summary>
    public async Task<DecisionDetail?> OpenAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var record = await db.ModerationDecisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return null;
        }

        var dek = cipher.Unwrap(record.WrappedKey);
        var decision = JsonSerializer.Deserialize<ModerationDecision>(cipher.Decrypt(dek, record.SealedDecision, SealingContext.Moderation(id, "decision")), JsonNames.Options)!;
        var reason = record.SealedReviewReason is null ? null : cipher.Decrypt(dek, record.SealedReviewReason, SealingContext.Moderation(id, "reviewReason"));
        var subject = id.ToString();
        var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == subject).OrderBy(e => e.Seq)
            .Select(e => new { e.At, e.Code, e.Actor }).ToListAsync(ct);
        ledger.Record(new ModerationDecisionRead(), actor, subject);
        await ledger.SaveAsync(ct);
        var history = events.Select(e => new DecisionHistoryEntry(e.At, LedgerCodeRanges.NameOf(e.Code), e.Actor)).ToList();
        return new DecisionDetail(record, decision, reason, history);
    }

    /// <summary>A person confirms a held measure: the platform may apply it.</summary>
    /// <returns>false when there is no such decision.</returns>
    /// <exception cref="WorkflowException">when the actor may not, or the measure is not held.</exception>
    public Task<bool> ConfirmAsync(Guid id, Actor actor, CancellationToken ct) => ActAsync(id, actor, null, ct);

    /// <summary>A person lifts a measure, held or in force, with the reason (sealed; its hash in the ledger).</summary>
    /// <exception cref="ValidationFailedException">when the reason is missing or too long.</exception>
    public Task<bool> LiftAsync(Guid id, string reason, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var text = reason.Trim();
        if (text.Length is < 10 or > MaxReason)
        {
            throw new ValidationFailedException([new FieldError("reason", $"Say why the measure is lifted (10 to {MaxReason} characters); the user and the platform are told.")]);
        }

        return ActAsync(id, actor, text, ct);
    }

    private async Task<bool> ActAsync(Guid id, Actor actor, string? liftReason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await db.ModerationDecisions.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        if (!actor.IsPerson)
        {
            throw new WorkflowException("Only a person reviews a moderation decision; a machine's token cannot.");
        }

        if (string.Equals(record.SubmittedById, actor.Id, StringComparison.Ordinal))
        {
            throw new WorkflowException("You reported this decision; another person reviews it.");
        }

        var rung = JsonNames.Of(record.Rung);
        if (liftReason is null)
        {
            if (record.State != ModerationState.Held)
            {
                throw new WorkflowException("Only a held measure is confirmed; this one is " + JsonNames.Of(record.State) + ".");
            }

            record.State = ModerationState.Active;
            record.Action = ModerationAction.Apply;
            ledger.Record(new ModerationDecisionConfirmed(rung), actor, id.ToString());
        }
        else
        {
            if (record.State == ModerationState.Lifted)
            {
                throw new WorkflowException("This measure is already lifted.");
            }

            record.State = ModerationState.Lifted;
            record.SealedReviewReason = cipher.Encrypt(cipher.Unwrap(record.WrappedKey), liftReason, SealingContext.Moderation(id, "reviewReason"));
            ledger.Record(new ModerationDecisionLifted(rung, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(liftReason)))), actor, id.ToString());
        }

        record.ReviewedAt = clock.GetUtcNow();
        record.ReviewedBy = actor.LedgerName;
        record.ReviewedById = actor.Id;
        await ledger.SaveAsync(ct);
        return true;
    }
}
