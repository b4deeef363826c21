using RightsDesk.Core.Cases;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Portal;
using RightsDesk.Web.Demands;

namespace RightsDesk.Web.Portal;

/// <summary>A question and its answer, opened. <see cref="AskedBy"/> is for staff only: the portal does not show it.</summary>
public sealed record ClarificationView(Guid Id, DateTimeOffset AskedAt, string AskedBy, string Question, DateTimeOffset? AnsweredAt, string? Answer)
{
    public bool Open => AnsweredAt is null;
}

/// <summary>
/// Questions staff put to the official who submitted a demand, answered in the portal. Both texts are sealed (they
/// discuss the case); the ledger records that a question was asked and answered, not what was said. The last answer
/// to a demand waiting for clarification reopens it, and the demand is assessed again with what the answer adds.
/// </summary>
public sealed class ClarificationService(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, DemandCases demands, RequestClarification requestClarification, AnswerReceived answerReceived, TimeProvider clock)
{
    public const int MaxQuestion = 4_000;
    public const int MaxAnswer = 10_000;

    /// <summary>
    /// Asks the requester a question. The demand must have come through the portal and be decided (the question moves
    /// it to clarificationRequested) or already be waiting for clarification (another question is added).
    /// Returns null when there is no such demand.
    /// </summary>
    public async Task<ClarificationRecord?> AskAsync(Guid demandId, string? question, Actor asker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asker);
        var actor = asker.LedgerName;
        var text = Text(question, "question", MaxQuestion, "Write the question for the authority.");
        var record = await demands.FindAsync(demandId, ct);
        if (record is null)
        {
            return null;
        }

        if (record.RequesterUserId is null)
        {
            throw new WorkflowException("This demand did not come through the authority portal; put the question to the authority by letter.");
        }

        if (record.State is not (DemandState.Decided or DemandState.ClarificationRequested))
        {
            throw new WorkflowException($"A question goes to the authority once the demand is decided (a requestClarification decision moves it there) or while it already waits for clarification; this demand is {JsonNames.Of(record.State)}.");
        }

        var now = clock.GetUtcNow();
        var (dek, wrapped) = cipher.NewDataKey();
        var row = new ClarificationRecord { Id = Guid.CreateVersion7(now), DemandId = demandId, AskedBy = actor, AskedAt = now, WrappedKey = wrapped };
        row.SealedQuestion = cipher.Encrypt(dek, text, Context(row.Id, "question"));
        db.Clarifications.Add(row);
        ledger.Record(new ClarificationRequested(row.Id), actor, demandId.ToString());
        if (record.State is DemandState.Decided)
        {
            await requestClarification.RunAsync(record, asker, ct);
        }
        else
        {
            await ledger.SaveAsync(ct);
        }

        return row;
    }

    /// <summary>
    /// The requesting official answers. Returns whether the answer reopened the demand (it was the last open question).
    /// </summary>
    public async Task<bool> AnswerAsync(Guid demandId, Guid clarificationId, string? answer, Actor official, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(official);
        var (officialUserId, actor) = (official.Id, official.LedgerName);
        var text = Text(answer, "answer", MaxAnswer, "Write your answer.");
        var record = await demands.FindAsync(demandId, ct);
        var row = await db.Clarifications.FirstOrDefaultAsync(c => c.Id == clarificationId && c.DemandId == demandId, ct);
        if (record is null || row is null || !string.Equals(record.RequesterUserId, officialUserId, StringComparison.Ordinal))
        {
            throw new WorkflowException("There is no such question for you.");
        }

        if (row.AnsweredAt is not null)
        {
            throw new WorkflowException("This question has already been answered; if you have more to add, wait for the platform's next question or write to them.");
        }

        var now = clock.GetUtcNow();
        row.AnsweredAt = now;
        row.AnsweredBy = actor;
        row.SealedAnswer = cipher.Encrypt(cipher.Unwrap(row.WrappedKey), text, Context(row.Id, "answer"));
        ledger.Record(new ClarificationAnswered(row.Id), actor, demandId.ToString());

        var stillOpen = await db.Clarifications.AnyAsync(c => c.DemandId == demandId && c.Id != clarificationId && c.AnsweredAt == null, ct);
        if (!stillOpen && record.State is DemandState.ClarificationRequested)
        {
            // Saves the answer with the reopening and the fresh assessment, in one transaction.
            await answerReceived.RunAsync(record, official, "The requester answered through the authority portal.", ct);
            return true;
        }

        await ledger.SaveAsync(ct);
        return false;
    }

    public async Task<IReadOnlyList<ClarificationView>> ForDemandAsync(Guid demandId, CancellationToken ct)
    {
        var rows = await db.Clarifications.AsNoTracking().Where(c => c.DemandId == demandId).OrderBy(c => c.AskedAt).ToListAsync(ct);
        return rows.Select(r =>
        {
            var dek = cipher.Unwrap(r.WrappedKey);
            return new ClarificationView(r.Id, r.AskedAt, r.AskedBy, cipher.Decrypt(dek, r.SealedQuestion, Context(r.Id, "question")), r.AnsweredAt,
                r.SealedAnswer is null ? null : cipher.Decrypt(dek, r.SealedAnswer, Context(r.Id, "answer")));
        }).ToList();
    }

    public static SealingContext Context(Guid id, string field) => SealingContext.Clarification(id, field);

    private static string Text(string? value, string field, int max, string ask)
    {
        var s = (value ?? "").Trim();
        var error = s.Length == 0 ? ask
            : s.Length > max ? $"At most {max} characters."
            : s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') ? "Contains control characters."
            : null;
        return error is null ? s : throw new ValidationFailedException([new FieldError(field, error)]);
    }
}
