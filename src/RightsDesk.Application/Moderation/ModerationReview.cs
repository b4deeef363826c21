using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Policy;
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
public sealed record DecisionDetail(ModerationDecisionRecord Record, ModerationDecision Decision, string? ReviewReason, IReadOnlyList<DecisionHistoryEntry> History)
{
    /// <summary>What the platform said went wrong when it last failed to apply the measure.</summary>
    public string? PlatformFailure { get; init; }
}

/// <summary>
/// The desk's review of moderation decisions: the queue (held measures first, then indefinite ones due for review),
/// a person confirming a held measure or lifting one with a reason, keeping one that came up for review, and a
/// decision's history. Only a person acts, and never the person who reported the decision: a second look means a
/// second pair of eyes. A measure against someone on the at-risk registry needs two people to confirm it (the kernel's
/// four eyes); a confirmed measure is sent to the platform to apply.
/// </summary>
public sealed class ModerationReview(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, PlatformInstructions instructions, PolicyProvider policies, TimeProvider clock)
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
        var decision = Open(record);
        var reason = record.SealedReviewReason is null ? null : cipher.Decrypt(dek, record.SealedReviewReason, SealingContext.Moderation(id, "reviewReason"));
        var subject = id.ToString();
        var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == subject).OrderBy(e => e.Seq)
            .Select(e => new { e.At, e.Code, e.Actor }).ToListAsync(ct);
        ledger.Record(new ModerationDecisionRead(), actor, subject);
        await ledger.SaveAsync(ct);
        var history = events.Select(e => new DecisionHistoryEntry(e.At, LedgerCodeRanges.NameOf(e.Code), e.Actor)).ToList();
        var failure = record.SealedPlatformFailure is null ? null : cipher.Decrypt(dek, record.SealedPlatformFailure, SealingContext.Moderation(id, "platformFailure"));
        return new DecisionDetail(record, decision, reason, history) { PlatformFailure = failure };
    }

    /// <summary>The decision as sealed on its row.</summary>
    public ModerationDecision Open(ModerationDecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var dek = cipher.Unwrap(record.WrappedKey);
        return JsonSerializer.Deserialize<ModerationDecision>(cipher.Decrypt(dek, record.SealedDecision, SealingContext.Moderation(record.Id, "decision")), JsonNames.Options)!;
    }

    /// <summary>A person reviews an indefinite measure that came up for review and keeps it: the next review is due
    /// after the policy's interval again, so it comes back to the queue.</summary>
    /// <returns>false when there is no such decision.</returns>
    /// <exception cref="WorkflowException">when the actor may not, or the measure is not in force and due.</exception>
    public async Task<bool> KeepAsync(Guid id, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var record = await db.ModerationDecisions.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        MayAct(record, actor);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (record.State != ModerationState.Active || record.ReviewDue is not { } due || due > today)
        {
            throw new WorkflowException("Only a measure in force whose review is due is kept; this one is " + JsonNames.Of(record.State) + (record.ReviewDue is { } d ? ", next review " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "") + ".");
        }

        var days = policies.Current.Moderation?.IndefiniteReviewDays ?? 180;
        record.ReviewDue = today.AddDays(days);
        record.ReviewedAt = clock.GetUtcNow();
        record.ReviewedBy = actor.LedgerName;
        record.ReviewedById = actor.Id;
        ledger.Record(new ModerationMeasureKept(JsonNames.Of(record.Rung), record.ReviewDue.Value), actor, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    private static void MayAct(ModerationDecisionRecord record, Actor actor)
    {
        if (!actor.IsPerson)
        {
            throw new WorkflowException("Only a person reviews a moderation decision; a machine's token cannot.");
        }

        if (string.Equals(record.SubmittedById, actor.Id, StringComparison.Ordinal))
        {
            throw new WorkflowException("You reported this decision; another person reviews it.");
        }
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

        MayAct(record, actor);
        var rung = JsonNames.Of(record.Rung);
        if (liftReason is null)
        {
            if (record.State != ModerationState.Held)
            {
                throw new WorkflowException("Only a held measure is confirmed; this one is " + JsonNames.Of(record.State) + ".");
            }

            if (record.SecondReviewRequired && !SecondConfirmation(record, actor))
            {
                ledger.Record(new ModerationConfirmationAwaited(rung), actor, id.ToString());
                await ledger.SaveAsync(ct);
                return true;
            }

            record.State = ModerationState.Active;
            record.Action = ModerationAction.Apply;
            ledger.Record(new ModerationDecisionConfirmed(rung), actor, id.ToString());
            await instructions.ApplyAsync(record, Open(record), ct);
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

    /// <summary>Weighs a confirmation of a measure that needs two people by the kernel's four-eyes rule: the reporter
    /// never confirms, nor the same person twice. Returns whether this one completes it; the first is recorded.</summary>
    private bool SecondConfirmation(ModerationDecisionRecord record, Actor actor)
    {
        var reporter = Actor.Person(record.SubmittedById, record.SubmittedBy);
        IReadOnlyCollection<Approval> given = record.FirstConfirmedById is { } first
            ? [new Approval(Actor.Person(first, record.FirstConfirmedBy ?? first), false)]
            : [];
        if (FourEyes.Approve(reporter, given, new Approval(actor, false), 2, false))
        {
            return true;
        }

        record.FirstConfirmedBy = actor.LedgerName;
        record.FirstConfirmedById = actor.Id;
        record.FirstConfirmedAt = clock.GetUtcNow();
        return false;
    }
}
