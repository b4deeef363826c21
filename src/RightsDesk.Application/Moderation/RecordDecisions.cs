using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Common;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.IllegalContentNotices;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Moderation;

public enum DecisionStatus { Created, Existing, Refused }

/// <summary>What became of one item: stored now, stored before with the same body, or refused with its errors.</summary>
public sealed record DecisionResult(int Index, string? Puid, DecisionStatus Status, ModerationAction Action, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Stores the moderation decisions a platform reports, each placed on the proportionality ladder. Idempotent by
/// puid: the same decision again is <see cref="DecisionStatus.Existing"/> with the answer it had; another body under a
/// known puid is refused, since the first one may already have been applied and published.
/// </summary>
public sealed class RecordDecisions(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, PolicyProvider policies, AtRiskRegistry registry, NoticeDesk notices, TimeProvider clock)
{
    public const string AccountIndexPurpose = "moderationAccount";

    /// <param name="Items">the items as read.</param>
    /// <param name="Batch">whether they came as <c>{"decisions":[...]}</c> (their paths then start decisions[i]).</param>
    /// <param name="SentPuids">each item's puid as sent, when it was a string, so a refused item is named too.</param>
    public sealed record Request(IReadOnlyList<BatchItem<ModerationDecision>> Items, bool Batch, IReadOnlyList<string?> SentPuids, Actor Actor);

    public async Task<IReadOnlyList<DecisionResult>> RunAsync(Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = new List<ModerationDecisionRecord>(request.Items.Count);
        var results = await StageAsync(request, null, rows.Add, ct);

        // Every row of this unit of work is new (the lookups above are not tracked): they go to the store as one
        // bulk insert with their events, not through EF's per-entity bookkeeping, and EF's scan of tracked entities
        // for changes, which would run twice under the ledger's lock, has nothing to find.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await ledger.SaveNewAsync(rows, ct);
        }
        catch (DbUpdateException)
        {
            // Two requests stored the same puid at once: the unique index let one win. Nothing of this one was saved.
            throw new ConflictException("Another request stored one of these puids, or decided a notice they name, at the same moment; send the batch again (stored decisions answer 'existing').");
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        return results;
    }

    /// <summary>Adds the accepted items and their ledger events to the caller's unit of work without saving it, so a
    /// use case that makes decisions (fulfilling a demand) saves them with its own change or not at all.</summary>
    /// <param name="targets">for decisions made from a demand, the target each puid acts on (sealed on the row).</param>
    public Task<IReadOnlyList<DecisionResult>> StageAsync(Request request, CancellationToken ct, IReadOnlyDictionary<string, Target>? targets = null) =>
        StageAsync(request, targets, r => db.ModerationDecisions.Add(r), ct);

    /// <param name="add">where each new row goes: the context (saved with the caller's change) or a list for a bulk insert.</param>
    private async Task<IReadOnlyList<DecisionResult>> StageAsync(Request request, IReadOnlyDictionary<string, Target>? targets, Action<ModerationDecisionRecord> add, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (items, actor) = (request.Items, request.Actor);
        var policy = policies.Current;
        var ladder = policy.Moderation ?? throw new InvalidOperationException("The policy has no moderation.json: decisions cannot be placed on the ladder.");
        var accepted = items.Where(i => i.Accepted).Select(i => i.Value!).ToList();
        var puids = accepted.Select(d => d.Puid).Distinct(StringComparer.Ordinal).ToList();
        // One array parameter for the batch's puids (see AtRiskRegistry.MatchAsync).
        var known = (await db.ModerationDecisions.AsNoTracking().Where(r => EF.Parameter(puids).Contains(r.Puid))
            .Select(r => new { r.Puid, r.BodySha256, r.Action }).ToListAsync(ct))
            .ToDictionary(r => r.Puid, r => (r.BodySha256, r.Action), StringComparer.Ordinal);
        var demandIds = accepted.Select(d => d.DemandId).OfType<Guid>().Distinct().ToList();
        var demands = (await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();

        var protectedAccounts = await ProtectedAccountsAsync(accepted, ct);
        var named = await NoticesAsync(accepted, ct);

        var now = clock.GetUtcNow();
        var results = new List<DecisionResult>(items.Count);
        foreach (var item in items)
        {
            if (!item.Accepted)
            {
                results.Add(Refused(item.Index, request.SentPuids.ElementAtOrDefault(item.Index), item.Errors));
                continue;
            }

            var d = item.Value!;
            var prefix = request.Batch ? StrictJson.Item("decisions", item.Index) : "";
            // Serialised once, in one fixed order (key order and spacing in the request do not make a new body): the
            // hash that tells a retry from a changed body and the sealed copy are of the same bytes.
            var body = JsonSerializer.SerializeToUtf8Bytes(d, JsonNames.Options);
            var hash = Convert.ToHexStringLower(SHA256.HashData(body));
            if (known.TryGetValue(d.Puid, out var stored))
            {
                results.Add(stored.BodySha256 == hash
                    ? new DecisionResult(item.Index, d.Puid, DecisionStatus.Existing, stored.Action, [])
                    : Refused(item.Index, d.Puid, [new FieldError(StrictJson.Member(prefix, "puid"), "A different decision is already stored under this puid; a changed decision needs a new puid.")]));
                continue;
            }

            if (d.DemandId is { } demandId && !demands.Contains(demandId))
            {
                results.Add(Refused(item.Index, d.Puid, [new FieldError(StrictJson.Member(prefix, "demandId"), "No demand with this id.")]));
                continue;
            }

            var notice = d.NoticeId is { } noticeRef ? named.GetValueOrDefault(noticeRef) : null;
            if (NoticeError(d, notice, prefix) is { } noticeError)
            {
                results.Add(Refused(item.Index, d.Puid, [noticeError]));
                continue;
            }

            var review = ProportionalityReview.Review(d, ladder, policy.Version);
            // Someone on the at-risk registry: held for two people, whatever the ladder said. The answer is the same
            // hold a held automated measure gets, with no finding named, so it tells the platform nothing.
            var secondReview = d.Account is not null && protectedAccounts.Contains(d.Account);
            if (secondReview)
            {
                review = review with { Action = ModerationAction.Hold };
            }

            var record = Store(d, body, hash, review, secondReview, targets?.GetValueOrDefault(d.Puid), notice?.Id, actor, now);
            add(record);
            // The first decision that follows a notice closes it, as the desk would; later ones (the account after the
            // post) are linked to it and leave the notifier's letter as it was.
            if (notice is { Status: NoticeStatus.Received })
            {
                await notices.StageDecidedAsync(notice, NoticeOutcome.DecisionTaken, record.Id, NoticeDesk.ReasonsFor(d), actor, ct);
            }

            known[d.Puid] = (hash, review.Action);
            results.Add(new DecisionResult(item.Index, d.Puid, DecisionStatus.Created, review.Action, []));
        }

        return results;
    }

    /// <summary>The accounts of these decisions that the at-risk registry protects, matched in one query per batch.</summary>
    private async Task<HashSet<string>> ProtectedAccountsAsync(IReadOnlyList<ModerationDecision> decisions, CancellationToken ct)
    {
        var accounts = decisions.Select(d => d.Account).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (accounts.Count == 0)
        {
            return [];
        }

        var matches = await registry.MatchAsync(accounts.Select(a => new Target(TargetType.Account, a)).ToList(), null, ct);
        return matches.Select(m => accounts[m.TargetIndex]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The notices the decisions name, tracked (a named notice is closed in this unit of work), keyed by the
    /// name as the reader gave it: a UUID's canonical form or an NTC- reference in upper case.</summary>
    private async Task<Dictionary<string, IllegalContentNoticeRecord>> NoticesAsync(IReadOnlyList<ModerationDecision> decisions, CancellationToken ct)
    {
        var names = decisions.Select(d => d.NoticeId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var ids = names.Select(n => Guid.TryParse(n, out var g) ? g : (Guid?)null).OfType<Guid>().ToList();
        var references = names.Where(n => n.StartsWith("NTC-", StringComparison.Ordinal)).ToList();
        var rows = await db.IllegalContentNotices.Where(n => ids.Contains(n.Id) || references.Contains(n.Reference)).ToListAsync(ct);
        var found = new Dictionary<string, IllegalContentNoticeRecord>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            found[row.Id.ToString()] = row;
            found[row.Reference] = row;
        }

        return found;
    }

    private static FieldError? NoticeError(ModerationDecision d, IllegalContentNoticeRecord? notice, string prefix)
    {
        if (d.NoticeId is null)
        {
            return null;
        }

        if (notice is null)
        {
            return new FieldError(StrictJson.Member(prefix, "noticeId"), "No notice with this id or reference.");
        }

        // The statement tells the user a trusted flagger notified the content: it must be so.
        return d.SourceType == Tdb.SourceTrustedFlagger && notice.Source != NoticeSource.TrustedFlagger
            ? new FieldError(StrictJson.Member(prefix, "sourceType"), $"That notice did not come from a trusted flagger; its source is {Tdb.SourceArticle16}.")
            : null;
    }

    private ModerationDecisionRecord Store(ModerationDecision d, byte[] body, string hash, ProportionalityResult review, bool secondReview, Target? target, Guid? noticeId, Actor actor, DateTimeOffset now)
    {
        var (dek, wrapped) = cipher.NewDataKey();
        var record = new ModerationDecisionRecord
        {
            Id = Guid.CreateVersion7(now),
            Puid = d.Puid,
            BodySha256 = hash,
            ReceivedAt = now,
            SubmittedBy = actor.LedgerName,
            SubmittedById = actor.Id,
            Category = d.Category,
            DecisionGround = d.DecisionGround,
            SourceType = d.SourceType,
            AutomatedDecision = d.AutomatedDecision,
            Rung = review.Rung,
            DefaultRung = review.Default,
            Action = review.Action,
            State = review.Action == ModerationAction.Hold ? ModerationState.Held : ModerationState.Active,
            Findings = string.Join(",", review.Findings.Select(f => f.Code)),
            PolicyVersion = review.PolicyVersion,
            ApplicationDate = d.ApplicationDate,
            EndsOn = review.EndsOn,
            ReviewDue = review.ReviewDue,
            ReachesEea = d.ReachesEea,
            DemandId = d.DemandId,
            NoticeId = noticeId,
            UserLanguage = d.UserLanguage,
            AccountIndex = d.Account is null ? null : cipher.BlindIndex(AccountIndexPurpose, Identifiers.Canonical(TargetType.Account, d.Account)),
            SecondReviewRequired = secondReview,
            WrappedKey = wrapped,
        };
        record.SealedDecision = cipher.EncryptBytes(dek, body, SealingContext.Moderation(record.Id, "decision"));
        if (target is not null)
        {
            record.SealedTarget = cipher.EncryptBytes(dek, JsonSerializer.SerializeToUtf8Bytes(target, JsonNames.Options), SealingContext.Moderation(record.Id, "target"));
        }

        ledger.Record(new ModerationDecisionRecorded(d.Category, d.DecisionGround, d.SourceType, d.AutomatedDecision, JsonNames.Of(review.Rung),
            JsonNames.Of(review.Action), record.Findings, d.ReachesEea, review.PolicyVersion, d.DemandId), actor, record.Id.ToString());
        return record;
    }

    private static DecisionResult Refused(int index, string? puid, IReadOnlyList<FieldError> errors) =>
        // A refused measure is not applied: hold is the answer that cannot do harm.
        new(index, puid, DecisionStatus.Refused, ModerationAction.Hold, errors);
}
