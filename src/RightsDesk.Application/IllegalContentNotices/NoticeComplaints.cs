using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Outbox;
using RightsDesk.Application.Policy;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Core.Cases;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.IllegalContentNotices;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.IllegalContentNotices;

/// <summary>What the notifier sees with their complaint code: the decision they were told, until when they can
/// complain, and their complaint with its outcome once there is one.</summary>
public sealed record NoticeComplaintView(
    Guid NoticeId, string Reference, string Language, NoticeOutcome? Outcome, DateTimeOffset? DecidedAt, DateOnly? ClosesOn, bool Open,
    NoticeComplaintState? State, DateTimeOffset? SubmittedAt, string? Reasons);

/// <summary>A complaint as the desk sees it on the notice's page.</summary>
public sealed record NoticeComplaintCase(Guid Id, NoticeOutcome Against, NoticeComplaintState State, DateTimeOffset SubmittedAt, string Text,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? Reasons);

/// <summary>
/// Complaints by notifiers about the decision on their notice (DSA Art. 20(1)): a code goes to the notifier with the
/// decision, opens the decision on the public complaint page (typed, never in a URL), and carries the complaint; a
/// person who did not decide the notice decides the complaint. Upheld, the decision stands; reversed, the notice goes
/// back to the queue to be decided again. The notifier is mailed the outcome with the remaining ways to contest it.
/// </summary>
public sealed class NoticeComplaints(
    RightsDeskDbContext db, FieldCipher cipher, SecretCodes.SecretCodes codes, LedgerWriter ledger, IOutbox outbox, PolicyProvider policy, Misuse.MisuseCounts misuse, TimeProvider clock)
{
    public const string Purpose = "notice-complaint";
    public const string OutcomeTopic = "notice-complaint-outcome";
    public const int MinReasons = 10;
    public const int MaxReasons = 2000;

    /// <summary>Who the ledger names for a complaint made on the public page: the notifier has no account.</summary>
    public static readonly Actor PublicActor = Actor.System("public-notice-complaint");

    private int PolicyDays => policy.Current.Moderation?.AppealDays ?? NoticeComplaintRules.MinDays;

    /// <summary>Issues a code for the notice, saved with the caller's unit of work (the decision that mails it).</summary>
    public async Task<string> IssueAsync(IllegalContentNoticeRecord notice, NoticeOutcome outcome, Actor by)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var issued = await codes.IssueAsync(Purpose);
        var now = clock.GetUtcNow();
        db.NoticeComplaintCodes.Add(new NoticeComplaintCodeRecord
        {
            Id = Guid.CreateVersion7(now), NoticeId = notice.Id, IssuedAt = now,
            LookupKey = issued.Stored.LookupKey, Salt = issued.Stored.Salt, Hash = issued.Stored.Hash,
        });
        ledger.Record(new NoticeComplaintCodeIssued(outcome), by, notice.Id.ToString());
        return issued.Code;
    }

    /// <summary>The notice a typed code opens, or why not (a wrong and an unknown code are answered alike).</summary>
    public async Task<(SecretCodeCheck Check, NoticeComplaintView? View)> OpenAsync(string typed, CancellationToken ct)
    {
        Guid? noticeId = null;
        var check = await codes.VerifyAsync(Purpose, typed ?? "", async (key, token) =>
        {
            var row = await db.NoticeComplaintCodes.AsNoTracking().FirstOrDefaultAsync(c => c.LookupKey == key, token);
            noticeId = row?.NoticeId;
            return row is null ? null : new StoredCode(row.LookupKey, row.Salt, row.Hash);
        }, ct);
        if (check != SecretCodeCheck.Accepted || noticeId is not { } id || await ViewAsync(id, ct) is not { } view)
        {
            return (check == SecretCodeCheck.Accepted ? SecretCodeCheck.Refused : check, null);
        }

        return (check, view);
    }

    /// <summary>The decision and the complaint as the notifier sees them, for a notice their code already opened.</summary>
    public async Task<NoticeComplaintView?> ViewAsync(Guid id, CancellationToken ct)
    {
        if (await db.IllegalContentNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) is not { } n)
        {
            return null;
        }

        var latest = await LatestAsync(id, ct);
        string? reasons = null;
        if (latest?.SealedReasons is { } sealedReasons)
        {
            reasons = Unseal(n, key => cipher.Decrypt(key, sealedReasons, SealingContext.IllegalContentNotice(id, "complaint-reasons-" + latest.Id.ToString("N"))));
        }

        var decided = n.Status == NoticeStatus.Decided && n.DecidedAt is not null;
        var open = decided && !ComplainedAbout(n, latest) && NoticeComplaintRules.IsOpen(n.DecidedAt!.Value, clock.GetUtcNow(), PolicyDays);
        return new NoticeComplaintView(n.Id, n.Reference, n.Language, decided ? n.Outcome : null, n.DecidedAt,
            decided ? NoticeComplaintRules.ClosesOn(n.DecidedAt!.Value, PolicyDays) : null, open, latest?.State, latest?.SubmittedAt, reasons);
    }

    /// <summary>Records the notifier's complaint about the decision their code opened.</summary>
    /// <exception cref="WorkflowException">when the notice is not decided, a complaint is already waiting, or the window has closed.</exception>
    public async Task<Guid> SubmitAsync(Guid noticeId, string? text, CancellationToken ct)
    {
        var body = (text ?? "").Trim();
        if (body.Length is < NoticeComplaintRules.MinText or > NoticeComplaintRules.MaxText)
        {
            throw new Core.ValidationFailedException([new Core.FieldError("text", $"Say why the decision is wrong, in {NoticeComplaintRules.MinText} to {NoticeComplaintRules.MaxText:N0} characters.")]);
        }

        var n = await db.IllegalContentNotices.FirstOrDefaultAsync(x => x.Id == noticeId, ct) ?? throw new WorkflowException("There is no such notice.");
        var now = clock.GetUtcNow();
        if (n.Status != NoticeStatus.Decided || n.DecidedAt is not { } decidedAt || n.Outcome is not { } outcome)
        {
            throw new WorkflowException("This notice is being decided again; there is nothing to complain about yet.");
        }

        if (ComplainedAbout(n, await LatestAsync(noticeId, ct)))
        {
            throw new WorkflowException("A complaint about this decision has already been made; its outcome is shown with your code.");
        }

        if (!NoticeComplaintRules.IsOpen(decidedAt, now, PolicyDays))
        {
            throw new WorkflowException("The time to complain about this decision has passed.");
        }

        // Art. 23(2): a notifier suspended for manifestly unfounded complaints is heard (the attempt is ledgered) and
        // not processed; nothing is kept, so they can complain once the suspension ends, inside the window.
        if (n.NotifierIndex is { } notifier
            && await misuse.SuspendedAsync(Core.Moderation.Misuse.MisuseKind.UnfoundedComplaints, Core.Moderation.Misuse.MisuseParty.Notifier, notifier, now, ct) is { } suspension)
        {
            ledger.Record(new MisuseSubmissionNotProcessed("noticeComplaint", noticeId), PublicActor, suspension.Id.ToString());
            await ledger.SaveAsync(ct);
            throw new WorkflowException(Misuse.MisuseMail.NotProcessed(n.Language, Core.Moderation.Misuse.MisuseKind.UnfoundedComplaints, suspension.Until));
        }

        var id = Guid.CreateVersion7(now);
        var sealedText = Unseal(n, key => cipher.Encrypt(key, body, SealingContext.IllegalContentNotice(noticeId, "complaint-" + id.ToString("N"))));
        db.NoticeComplaints.Add(new NoticeComplaintRecord
        {
            Id = id, NoticeId = noticeId, Against = outcome, State = NoticeComplaintState.Open, SubmittedAt = now, Version = Guid.CreateVersion7(now), SealedText = sealedText,
        });
        ledger.Record(new NoticeComplaintReceived(id, outcome, (int)(now - decidedAt).TotalDays, SubmitNotice.Sha256(body)), PublicActor, noticeId.ToString());
        await ledger.SaveAsync(ct);
        return id;
    }

    /// <summary>The notice's complaints, newest first, unsealed for the desk (the notice's own read is ledgered by the page).</summary>
    public async Task<IReadOnlyList<NoticeComplaintCase>> ForNoticeAsync(Guid noticeId, CancellationToken ct)
    {
        var n = await db.IllegalContentNotices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == noticeId, ct);
        if (n is null)
        {
            return [];
        }

        var rows = await db.NoticeComplaints.AsNoTracking().Where(c => c.NoticeId == noticeId).ToListAsync(ct);
        return [.. rows.OrderByDescending(c => c.SubmittedAt.UtcTicks).Select(c => Unseal(n, key => new NoticeComplaintCase(c.Id, c.Against, c.State, c.SubmittedAt,
            cipher.Decrypt(key, c.SealedText, SealingContext.IllegalContentNotice(noticeId, "complaint-" + c.Id.ToString("N"))), c.DecidedAt, c.DecidedBy,
            c.SealedReasons is { } r ? cipher.Decrypt(key, r, SealingContext.IllegalContentNotice(noticeId, "complaint-reasons-" + c.Id.ToString("N"))) : null)))];
    }

    /// <summary>Decides an open complaint; false when there is no open complaint with that id on the notice.</summary>
    /// <exception cref="WorkflowException">when the caller decided the notice, is not a person, or the reasons are missing.</exception>
    public async Task<bool> DecideAsync(Guid noticeId, Guid complaintId, bool reverse, string? reasons, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsPerson)
        {
            throw new WorkflowException("A person decides a complaint.");
        }

        var text = (reasons ?? "").Trim();
        if (text.Length is < MinReasons or > MaxReasons)
        {
            throw new WorkflowException($"Write the reasons the notifier will read, in {MinReasons} to {MaxReasons} characters.");
        }

        var c = await db.NoticeComplaints.FirstOrDefaultAsync(x => x.Id == complaintId && x.NoticeId == noticeId && x.State == NoticeComplaintState.Open, ct);
        var n = c is null ? null : await db.IllegalContentNotices.FirstOrDefaultAsync(x => x.Id == noticeId, ct);
        if (c is null || n is null)
        {
            return false;
        }

        // Art. 20(6): the complaint is decided under the supervision of someone other than who took the decision.
        if (string.Equals(n.DecidedBy, by.LedgerName, StringComparison.Ordinal))
        {
            throw new WorkflowException("You decided this notice: a complaint about it is decided by someone else.");
        }

        var now = clock.GetUtcNow();
        string? to = null;
        c.SealedReasons = Unseal(n, key =>
        {
            if (n.SealedContact is { } sc)
            {
                to = JsonSerializer.Deserialize<SealedContact>(cipher.Decrypt(key, sc, SealingContext.IllegalContentNotice(noticeId, "contact")), SubmitNotice.Json)!.Email;
            }

            return cipher.Encrypt(key, text, SealingContext.IllegalContentNotice(noticeId, "complaint-reasons-" + c.Id.ToString("N")));
        });
        c.State = reverse ? NoticeComplaintState.Reversed : NoticeComplaintState.Upheld;
        c.DecidedAt = now;
        c.DecidedBy = by.LedgerName;
        c.Version = Guid.CreateVersion7(now);
        if (reverse)
        {
            // Back to the queue: a new decision is taken on the notice, and mailed with a new code.
            n.Status = NoticeStatus.Received;
            n.Outcome = null;
            n.DecisionId = null;
            n.DecidedAt = null;
            n.DecidedBy = null;
            n.Version = Guid.CreateVersion7(now);
        }

        if (to is not null)
        {
            var (subject, body) = NoticeMail.ComplaintDecided(n.Language, n.Reference, reverse, text);
            await outbox.EnqueueAsync(OutboxMessage.Email(OutcomeTopic, "notice-complaint-outcome:" + c.Id.ToString("N"), new EmailPayload(to, subject, body)) with
            {
                CorrelationId = noticeId.ToString(), SubjectId = noticeId.ToString(),
            }, ct);
        }

        ledger.Record(new NoticeComplaintDecided(c.Id, c.State, (int)(now - c.SubmittedAt).TotalDays, SubmitNotice.Sha256(text), to is not null), by, noticeId.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>The newest complaint on the notice. Ordered here: DateTimeOffset does not order on SQLite.</summary>
    private async Task<NoticeComplaintRecord?> LatestAsync(Guid noticeId, CancellationToken ct) =>
        (await db.NoticeComplaints.AsNoTracking().Where(c => c.NoticeId == noticeId).ToListAsync(ct)).MaxBy(c => c.SubmittedAt.UtcTicks);

    /// <summary>One complaint per decision: a reversal sends the notice back, and its new decision can be complained about again.</summary>
    private static bool ComplainedAbout(IllegalContentNoticeRecord n, NoticeComplaintRecord? latest) =>
        latest is not null && (latest.State == NoticeComplaintState.Open || (n.DecidedAt is { } at && latest.SubmittedAt >= at));

    private T Unseal<T>(IllegalContentNoticeRecord n, Func<byte[], T> use)
    {
        var key = cipher.Unwrap(n.WrappedKey);
        try
        {
            return use(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
