using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Cases;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.IllegalContentNotices;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.IllegalContentNotices;

/// <summary>One notice in the desk's queue: no free text, so listing unseals nothing.</summary>
public sealed record NoticeRow(
    Guid Id, string Reference, NoticeSource Source, string? Flagger, DateTimeOffset ReceivedAt, int Items, NoticeStatus Status,
    bool PossibleCampaign, NoticeOutcome? Outcome);

/// <summary>A notice opened on the desk: what the notifier wrote, and their contact only when asked for.</summary>
public sealed record NoticeCase(
    NoticeRow Row, string Language, IReadOnlyList<string> Content, string Explanation, string? Law, bool HasContact,
    string? NotifierName, string? NotifierEmail, string? Reason, string? DecisionPuid, Guid? DecisionId, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? FlaggerCoordinator);

/// <summary>
/// The desk's side of notices: the queue (trusted flaggers first, Art. 22(1), then by age; <see cref="NoticeQueueOrder"/>),
/// opening a notice (ledgered, the contact apart), and deciding it: a moderation decision taken on it (reported through
/// the moderation API with the notice as its source, linked here by puid) or no action, with the reasons the notifier
/// is told (Art. 16(5)) through the outbox.
/// </summary>
public sealed class NoticeDesk(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, IOutbox outbox, NoticeComplaints complaints, TimeProvider clock)
{
    public const string OutcomeTopic = "notice-outcome";
    public const int MinReason = 10;
    public const int MaxReason = 2000;

    /// <summary>The Transparency Database's source types a decision taken on a notice carries.</summary>
    public static readonly IReadOnlyList<string> NoticeSourceTypes = ["SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER"];

    /// <summary>
    /// What the notifier is told when the platform reports the decision itself: the ground and its explanation as the
    /// statement of reasons gives them (and the Transparency Database publishes), never the facts, which may speak of
    /// the affected user.
    /// </summary>
    public static string ReasonsFor(ModerationDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (ground, explanation) = d.DecisionGround == Tdb.GroundIllegal
            ? (d.IllegalContentLegalGround, d.IllegalContentExplanation)
            : (d.IncompatibleContentGround, d.IncompatibleContentExplanation);
        var text = string.IsNullOrWhiteSpace(explanation) ? (ground ?? "").Trim() : $"{(ground ?? "").Trim()}: {explanation.Trim()}";
        return text.Length > MaxReason ? text[..MaxReason] : text;
    }

    public async Task<IReadOnlyList<NoticeRow>> QueueAsync(NoticeStatus? status, CancellationToken ct)
    {
        var query = db.IllegalContentNotices.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(n => n.Status == s);
        }

        var rows = await query
            .GroupJoin(db.TrustedFlaggers.AsNoTracking(), n => n.FlaggerId, f => f.Id, (n, f) => new { n, f })
            .SelectMany(x => x.f.DefaultIfEmpty(), (x, f) => new NoticeRow(x.n.Id, x.n.Reference, x.n.Source, f == null ? null : f.Organisation,
                x.n.ReceivedAt, x.n.Items, x.n.Status, x.n.PossibleCampaign, x.n.Outcome))
            .ToListAsync(ct);
        // Ordered here, not in SQL: DateTimeOffset does not order on SQLite, and the rule is Core's.
        rows.Sort((a, b) => NoticeQueueOrder.Compare(new QueuedNotice(a.Source, a.ReceivedAt), new QueuedNotice(b.Source, b.ReceivedAt)));
        return rows;
    }

    /// <summary>Opens a notice's sealed texts (ledgered); the notifier's name and address only with <paramref name="withContact"/>.</summary>
    public async Task<NoticeCase?> OpenAsync(Guid id, bool withContact, Actor by, CancellationToken ct)
    {
        var n = await db.IllegalContentNotices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
        {
            return null;
        }

        var flagger = n.FlaggerId is { } fid ? await db.TrustedFlaggers.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fid, ct) : null;
        var puid = n.DecisionId is { } did ? await db.ModerationDecisions.AsNoTracking().Where(d => d.Id == did).Select(d => d.Puid).FirstOrDefaultAsync(ct) : null;
        var key = cipher.Unwrap(n.WrappedKey);
        try
        {
            var notice = JsonSerializer.Deserialize<SealedNotice>(cipher.Decrypt(key, n.SealedNotice, SealingContext.IllegalContentNotice(id, "notice")), SubmitNotice.Json)!;
            var contact = withContact && n.SealedContact is { } sc
                ? JsonSerializer.Deserialize<SealedContact>(cipher.Decrypt(key, sc, SealingContext.IllegalContentNotice(id, "contact")), SubmitNotice.Json)
                : null;
            var reason = n.SealedReason is { } sr ? cipher.Decrypt(key, sr, SealingContext.IllegalContentNotice(id, "reason")) : null;
            ledger.Record(new IllegalContentNoticeRead(contact is not null), by, id.ToString());
            await ledger.SaveAsync(ct);
            var row = new NoticeRow(n.Id, n.Reference, n.Source, flagger?.Organisation, n.ReceivedAt, n.Items, n.Status, n.PossibleCampaign, n.Outcome);
            return new NoticeCase(row, n.Language, notice.Content, notice.Explanation, notice.Law, n.SealedContact is not null,
                contact?.Name, contact?.Email, reason, puid, n.DecisionId, n.DecidedBy, n.DecidedAt, flagger?.Coordinator);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct) => db.IllegalContentNotices.AnyAsync(n => n.Id == id, ct);

    /// <summary>
    /// Decides a received notice; false when it is not waiting for a decision. A person decides, never a token's
    /// machine. <paramref name="puid"/> names the moderation decision taken (its source a notice); the reasons are
    /// what the notifier is told.
    /// </summary>
    /// <exception cref="WorkflowException">when the decision cannot be taken as asked, saying why.</exception>
    public async Task<bool> DecideAsync(Guid id, NoticeOutcome outcome, string? puid, string? reasons, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsPerson)
        {
            throw new WorkflowException("A person decides a notice.");
        }

        var text = (reasons ?? "").Trim();
        if (text.Length is < MinReason or > MaxReason)
        {
            throw new WorkflowException($"Write the reasons the notifier will read, in {MinReason} to {MaxReason} characters.");
        }

        var n = await db.IllegalContentNotices.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || n.Status != NoticeStatus.Received)
        {
            return false;
        }

        Guid? decisionId = null;
        if (outcome == NoticeOutcome.DecisionTaken)
        {
            var wanted = (puid ?? "").Trim();
            var decision = wanted.Length == 0 ? null : await db.ModerationDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Puid == wanted, ct);
            if (decision is null)
            {
                throw new WorkflowException("No moderation decision has that puid: report the decision through the moderation API first, with the notice as its source.");
            }

            if (!NoticeSourceTypes.Contains(decision.SourceType, StringComparer.Ordinal))
            {
                throw new WorkflowException("That decision does not say it followed a notice (sourceType SOURCE_ARTICLE_16 or SOURCE_TRUSTED_FLAGGER); its statement of reasons would tell the user otherwise.");
            }

            decisionId = decision.Id;
        }

        await StageDecidedAsync(n, outcome, decisionId, text, by, ct);
        await ledger.SaveAsync(ct);
        return true;
    }

    /// <summary>
    /// Closes a received notice in the caller's unit of work (the caller saves): the reasons sealed, the notifier
    /// mailed through the outbox in their language, the decision ledgered. The desk's decision and a decision the
    /// platform reports naming the notice both end here, so the notifier reads the same kind of letter either way.
    /// </summary>
    public async Task StageDecidedAsync(IllegalContentNoticeRecord n, NoticeOutcome outcome, Guid? decisionId, string reasons, Actor by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(by);
        var id = n.Id;
        var now = clock.GetUtcNow();
        var key = cipher.Unwrap(n.WrappedKey);
        string? to = null;
        try
        {
            n.SealedReason = cipher.Encrypt(key, reasons, SealingContext.IllegalContentNotice(id, "reason"));
            if (n.SealedContact is { } sc)
            {
                to = JsonSerializer.Deserialize<SealedContact>(cipher.Decrypt(key, sc, SealingContext.IllegalContentNotice(id, "contact")), SubmitNotice.Json)!.Email;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        n.Status = NoticeStatus.Decided;
        n.Outcome = outcome;
        n.DecisionId = decisionId;
        n.DecidedAt = now;
        n.DecidedBy = by.LedgerName;
        n.Version = Guid.CreateVersion7(now);
        // A caller may save with automatic change detection off (a batch of decisions): this row's change must not be missed.
        db.Entry(n).DetectChanges();
        if (to is not null)
        {
            // The code that lets the notifier complain (Art. 20(1)) travels only in this mail.
            var code = await complaints.IssueAsync(n, outcome, by);
            var (subject, body) = NoticeMail.Decided(n.Language, n.Reference, outcome, reasons, code);
            await outbox.EnqueueAsync(OutboxMessage.Email(OutcomeTopic, "notice-outcome:" + id.ToString("N"), new EmailPayload(to, subject, body)) with
            {
                CorrelationId = id.ToString(), SubjectId = id.ToString(),
            }, ct);
        }

        ledger.Record(new IllegalContentNoticeDecided(n.Source, outcome, decisionId, SubmitNotice.Sha256(reasons), (int)(now - n.ReceivedAt).TotalDays, to is not null),
            by, id.ToString());
    }
}
