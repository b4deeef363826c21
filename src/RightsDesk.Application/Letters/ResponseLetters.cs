using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Letters;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Letters;

public sealed record LetterText(LetterRecord Record, string Subject, string Body);

/// <summary>
/// The response letter to the authority for the current decision: drafted from the policy's templates and stored
/// sealed with the case, editable until sent (the ledger keeps a hash of every version), then fixed as the record of
/// what the authority was told. Letters never name targets (see LetterModel).
/// </summary>
public sealed class ResponseLetters(DemandCases cases, PolicyProvider policies)
{
    public const int MaxLetterChars = 40_000;
    public const int MaxSubjectChars = 300;

    public async Task<(LetterRecord Record, RenderedLetter Letter)> DraftAsync(DemandRecord record, string language, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (_, decision) = await cases.CurrentDecisionAsync(record, ct);
        var demand = cases.Sealing.Demand(record);
        var assessment = cases.Sealing.Assessment(record) ?? throw new WorkflowException("The demand has not been assessed.");
        var now = cases.Now;
        var policy = policies.Current;
        var model = LetterModel.From(demand, assessment, decision.Outcome, policy, DateOnly.FromDateTime(now.UtcDateTime),
            new DecidedScope(decision.AuthorisedCategories, decision.AuthorisedTerritories));
        var letter = LetterComposer.Compose(policy, LetterComposer.KindFor(model), language, model);
        return (await StoreAsync(record, letter, actor, ct), letter);
    }

    /// <summary>The stored name of the acknowledgement's kind, as letters' kinds are stored.</summary>
    public static readonly string AcknowledgementKind = JsonNames.Of(LetterKind.Acknowledgement);

    private async Task<LetterRecord> StoreAsync(DemandRecord record, RenderedLetter letter, Actor actor, CancellationToken ct)
    {
        var now = cases.Now;
        var dek = cases.Sealing.Key(record);
        var id = Guid.CreateVersion7(now);
        var row = new LetterRecord
        {
            Id = id, DemandId = record.Id, Kind = JsonNames.Of(letter.Kind), Language = letter.Language, Status = LetterStatus.Draft,
            CreatedAt = now, CreatedBy = actor.LedgerName,
            SealedSubject = cases.Sealing.Seal(dek, id, "subject", letter.Subject),
            SealedBody = cases.Sealing.Seal(dek, id, "body", letter.BodyMarkdown),
        };
        cases.Db.Letters.Add(row);
        cases.Record(new LetterGenerated(id, row.Kind, row.Language, Sha256(letter.BodyMarkdown)), actor, record);
        await cases.SaveAsync(ct);
        return row;
    }

    /// <summary>
    /// Drafts the acknowledgement of receipt: it can go as soon as the demand is taken in, before any decision, and says
    /// only that the demand arrived and will be assessed. Once one has been sent, another is refused.
    /// </summary>
    public async Task<LetterRecord> DraftAcknowledgementAsync(DemandRecord record, string language, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.AcknowledgedAt is not null)
        {
            throw new WorkflowException("The authority has already been sent an acknowledgement of receipt for this demand.");
        }

        if (record.State == Core.Demands.DemandState.Closed)
        {
            throw new WorkflowException("The case is closed: its answer went instead of an acknowledgement.");
        }

        if (await cases.Db.Letters.AnyAsync(l => l.DemandId == record.Id && l.Kind == AcknowledgementKind && l.Status == LetterStatus.Draft, ct))
        {
            throw new WorkflowException("An acknowledgement of receipt is already drafted below: send that one.");
        }

        var demand = cases.Sealing.Demand(record);
        var assessment = cases.Sealing.Assessment(record) ?? throw new WorkflowException("The demand has not been assessed.");
        var now = cases.Now;
        var policy = policies.Current;
        // An acknowledgement says nothing of a decision, so its model is built as for a letter that authorises nothing.
        var model = LetterModel.From(demand, assessment, Recommendation.RequestClarification, policy, DateOnly.FromDateTime(now.UtcDateTime));
        var letter = LetterComposer.Compose(policy, LetterKind.Acknowledgement, language, model);
        return await StoreAsync(record, letter, actor, ct);
    }

    public async Task<IReadOnlyList<LetterText>> ListAsync(DemandRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var dek = cases.Sealing.Key(record);
        var rows = await cases.Db.Letters.AsNoTracking().Where(l => l.DemandId == record.Id).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        return rows.Select(l => new LetterText(l, cases.Sealing.Open(dek, l.Id, "subject", l.SealedSubject), cases.Sealing.Open(dek, l.Id, "body", l.SealedBody))).ToList();
    }

    public async Task EditAsync(DemandRecord record, Guid letterId, string subject, string body, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = await DraftAsync(record, letterId, ct);
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(body))
        {
            throw new WorkflowException("A letter needs a subject and a body.");
        }

        if (subject.Length > MaxSubjectChars || body.Length > MaxLetterChars)
        {
            throw new WorkflowException($"The subject is limited to {MaxSubjectChars} characters and the body to {MaxLetterChars}.");
        }

        var dek = cases.Sealing.Key(record);
        row.SealedSubject = cases.Sealing.Seal(dek, row.Id, "subject", subject.Trim());
        row.SealedBody = cases.Sealing.Seal(dek, row.Id, "body", body);
        cases.Record(new LetterEdited(row.Id, Sha256(body)), actor, record);
        await cases.SaveAsync(ct);
    }

    /// <summary>One letter of the demand with its text opened, or null when the demand has no such letter.</summary>
    public async Task<LetterText?> FindAsync(DemandRecord record, Guid letterId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = await cases.Db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.DemandId == record.Id, ct);
        if (row is null)
        {
            return null;
        }

        var dek = cases.Sealing.Key(record);
        return new LetterText(row, cases.Sealing.Open(dek, row.Id, "subject", row.SealedSubject), cases.Sealing.Open(dek, row.Id, "body", row.SealedBody));
    }

    /// <summary>
    /// Marks the letter sent: from then on it is the record of what the authority was told and cannot change. The
    /// caller saves, so a queued message and the mark are kept together or not at all.
    /// </summary>
    /// <param name="pdfSha256">The SHA-256 of the PDF that went, when one was printed.</param>
    /// <param name="via">"outbox" or "staff".</param>
    /// <param name="route">For an e-mailed letter, which proved address it went to ("portal" or "callBack").</param>
    public async Task MarkSentAsync(DemandRecord record, Guid letterId, string? pdfSha256, string via, Actor actor, CancellationToken ct, string? route = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = await DraftAsync(record, letterId, ct);
        var now = cases.Now;
        row.Status = LetterStatus.Sent;
        row.SentAt = now;
        cases.Record(new LetterSent(row.Id, pdfSha256, via, route), actor, record);
        if (row.Kind == AcknowledgementKind && record.AcknowledgedAt is null)
        {
            // The first acknowledgement that went is when the authority was informed; a second one changes nothing.
            record.AcknowledgedAt = now;
            cases.Record(new ReceiptAcknowledged(row.Id, record.ReceivedAt, TimeToAcknowledge.Hours(record.ReceivedAt, now), DemandCases.Dimensions(record)), actor, record);
        }
    }

    private async Task<LetterRecord> DraftAsync(DemandRecord record, Guid letterId, CancellationToken ct)
    {
        var row = await cases.Db.Letters.FirstOrDefaultAsync(l => l.Id == letterId && l.DemandId == record.Id, ct)
            ?? throw new WorkflowException("There is no such letter on this demand.");
        return row.Status == LetterStatus.Draft ? row : throw new WorkflowException("The letter has been sent and can no longer be changed.");
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
