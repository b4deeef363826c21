using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.Misuse;
using RightsDesk.Application.Outbox;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.IllegalContentNotices;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.IllegalContentNotices;

/// <summary>What the notifier is told at once (Art. 16(4)): the notice's reference and when it was received. Nothing
/// about the registry or a campaign flag: the answer is the same for every notice.</summary>
public sealed record NoticeReceipt(Guid Id, string Reference, DateTimeOffset ReceivedAt);

/// <summary>Who sent a notice: the source kind, the actor, and for a trusted flagger its registry entry.</summary>
public sealed record NoticeSender(NoticeSource Source, Actor Actor, Guid? FlaggerId);

/// <summary>The sealed part of a notice.</summary>
internal sealed record SealedNotice(IReadOnlyList<string> Content, string Explanation, string? Law);

internal sealed record SealedContact(string? Name, string? Email);

/// <summary>
/// Takes a notice of illegal content (DSA Art. 16) from the public form or the API: seals what the notifier wrote,
/// indexes what it is against (keyed HMACs of each content item and account), flags a possible coordinated campaign
/// (<see cref="NoticeCampaignPolicy"/>, lower against a person on the at-risk registry), ledgers it, and queues the
/// confirmation of receipt to the notifier's address where one was given, all in one unit of work.
/// </summary>
public sealed class SubmitNotice(
    RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, AtRiskRegistry registry, IOutbox outbox, PolicyProvider policy, MisuseCounts misuse, TimeProvider clock)
{
    public const string Channel = "notice-form";
    public const string ReceiptTopic = "notice-receipt";
    public const string TargetPurpose = "noticeTarget";
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A notice from the public form: nobody signed in sends it, so the system's channel is its actor.</summary>
    public Task<NoticeReceipt> FromPublicAsync(IllegalContentNotice notice, CancellationToken ct) =>
        RunAsync(notice, new NoticeSender(NoticeSource.Notifier, Actor.System(Channel), null), ct);

    public async Task<NoticeReceipt> RunAsync(IllegalContentNotice notice, NoticeSender sender, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(sender);
        var set = policy.Current;
        var campaign = set.Moderation?.Campaign ?? new NoticeCampaignPolicy();
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var (key, wrapped) = cipher.NewDataKey();
        var sealedJson = JsonSerializer.Serialize(new SealedNotice(notice.Content, notice.Explanation, notice.Law), Json);
        var targets = NoticeTargets.Of(notice.Content);
        // A notifier under an Art. 23 suspension is still heard: the notice is kept, and not processed.
        var notifier = notice.NotifierEmail is { } email ? misuse.NotifierIndex(email) : null;
        var suspension = notifier is null ? null : await misuse.SuspendedAsync(MisuseKind.UnfoundedNotices, MisuseParty.Notifier, notifier, now, ct);
        var record = new IllegalContentNoticeRecord
        {
            Id = id,
            Reference = await NewReferenceAsync(ct),
            Source = sender.Source,
            FlaggerId = sender.FlaggerId,
            SubmittedBy = sender.Actor.LedgerName,
            SubmittedById = sender.Actor.Id,
            Language = notice.Language,
            Items = notice.Content.Count,
            HasContact = notice.HasContact,
            NotifierIndex = notifier,
            Status = suspension is null ? NoticeStatus.Received : NoticeStatus.NotProcessed,
            ReceivedAt = now,
            PolicyVersion = set.Version,
            Version = Guid.CreateVersion7(now),
            WrappedKey = wrapped,
            SealedNotice = cipher.Encrypt(key, sealedJson, SealingContext.IllegalContentNotice(id, "notice")),
        };
        if (notice.NotifierName is not null || notice.NotifierEmail is not null)
        {
            record.SealedContact = cipher.Encrypt(key, JsonSerializer.Serialize(new SealedContact(notice.NotifierName, notice.NotifierEmail), Json),
                SealingContext.IllegalContentNotice(id, "contact"));
        }

        CryptographicOperations.ZeroMemory(key);
        db.IllegalContentNotices.Add(record);
        var indexed = targets.Select(t => (t.Kind, Index: cipher.BlindIndex(TargetPurpose, t.Kind + ":" + t.Canonical))).Distinct().ToList();
        foreach (var (kind, index) in indexed)
        {
            db.NoticeTargets.Add(new NoticeTargetRecord { Id = Guid.CreateVersion7(now), NoticeId = id, Kind = kind, TargetIndex = index, ReceivedAt = now });
        }

        ledger.Record(new IllegalContentNoticeReceived(sender.Source, notice.Content.Count, targets.Count(t => t.Kind == NoticeTargets.AccountKind),
            notice.HasContact, notice.Language, sender.FlaggerId, Sha256(sealedJson)), sender.Actor, id.ToString());
        if (suspension is not null)
        {
            ledger.Record(new MisuseSubmissionNotProcessed("notice", id), sender.Actor, suspension.Id.ToString());
        }

        await FlagCampaignAsync(record, notice, indexed, campaign, now, ct);
        if (notice.NotifierEmail is { } to)
        {
            var (subject, body) = NoticeMail.Received(notice.Language, record.Reference, now);
            if (suspension is not null)
            {
                body += "\n" + MisuseMail.NotProcessed(notice.Language, MisuseKind.UnfoundedNotices, suspension.Until) + "\n";
            }

            await outbox.EnqueueAsync(OutboxMessage.Email(ReceiptTopic, "notice-receipt:" + id.ToString("N"), new EmailPayload(to, subject, body)) with
            {
                CorrelationId = id.ToString(), SubjectId = id.ToString(),
            }, ct);
        }

        await ledger.SaveAsync(ct);
        return new NoticeReceipt(id, record.Reference, now);
    }

    /// <summary>
    /// Counts the notices in the window against each target of this one; where a count reaches the threshold, every
    /// notice of that cluster is flagged. The at-risk registry lowers the threshold for the targets that name
    /// someone on it; only the desk ever sees the flag, never the notifier.
    /// </summary>
    private async Task FlagCampaignAsync(
        IllegalContentNoticeRecord record, IllegalContentNotice notice, List<(string Kind, string Index)> indexed,
        NoticeCampaignPolicy campaign, DateTimeOffset now, CancellationToken ct)
    {
        if (indexed.Count == 0)
        {
            return;
        }

        var accounts = NoticeTargets.Of(notice.Content).Where(t => t.Kind == NoticeTargets.AccountKind).Select(t => new Target(TargetType.Account, t.Canonical));
        var urls = notice.Content.Select(c => new Target(TargetType.Url, c));
        var atRisk = (await registry.MatchAsync([.. accounts, .. urls], null, ct)).Count > 0;
        var threshold = atRisk ? campaign.AtRiskNotices : campaign.Notices;
        var since = now - campaign.Window;
        var indexes = indexed.Select(i => i.Index).ToList();
        var earlier = await db.NoticeTargets.AsNoTracking()
            .Where(t => indexes.Contains(t.TargetIndex) && t.ReceivedAt >= since)
            .Select(t => new { t.TargetIndex, t.NoticeId })
            .ToListAsync(ct);
        var cluster = new HashSet<Guid>();
        foreach (var (kind, index) in indexed)
        {
            var notices = earlier.Where(e => e.TargetIndex == index).Select(e => e.NoticeId).Distinct().ToList();
            if (!campaign.IsCampaign(notices.Count + 1, atRisk))
            {
                continue;
            }

            cluster.UnionWith(notices);
            if (notices.Count + 1 == threshold)
            {
                ledger.Record(new NoticeCampaignFlagged(kind, notices.Count + 1, threshold, campaign.WindowHours), Actor.System(Channel), record.Id.ToString());
            }
        }

        if (cluster.Count == 0)
        {
            return;
        }

        record.PossibleCampaign = true;
        var ids = cluster.ToList();
        foreach (var other in await db.IllegalContentNotices.Where(n => ids.Contains(n.Id) && !n.PossibleCampaign).ToListAsync(ct))
        {
            other.PossibleCampaign = true;
        }
    }

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<string> NewReferenceAsync(CancellationToken ct)
    {
        // Crockford's alphabet, as incident references: no I, L, O or U to mishear.
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        while (true)
        {
            var reference = "NTC-" + string.Concat(Enumerable.Range(0, 6).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
            if (!await db.IllegalContentNotices.AnyAsync(n => n.Reference == reference, ct))
            {
                return reference;
            }
        }
    }
}
