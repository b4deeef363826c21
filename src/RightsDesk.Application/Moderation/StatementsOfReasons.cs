using System.Net;
using System.Text.Json;
using Markdig;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Outbox;
using RightsDesk.Application.Policy;
using RightsDesk.Core;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Moderation;

namespace RightsDesk.Application.Moderation;

/// <summary>A statement opened on the desk: the text as the user got it, with the appeal code masked.</summary>
public sealed record StatementView(StatementRecord Record, string Subject, string BodyMarkdown, string Html);

/// <summary>
/// Makes the Art. 17(3) statement of reasons for each measure in force and sends it to the platform's signed
/// webhook, which shows it to the user. The appeal code is issued here (SecretCodes, purpose
/// <see cref="AppealPurpose"/>): the user gets it once in the statement, and only its lookup key and hash are kept,
/// on the statement's row, for the appeal page to verify.
/// </summary>
/// <remarks>
/// A job, not part of storing the decision: each appeal code costs an Argon2id hash (a tenth of a second, by
/// design), and a platform posting a thousand decisions must not wait minutes for its answer. The job runs on the
/// outbox timer, so a statement follows its decision within one poll interval, and a held measure gets its
/// statement once a person confirms it (a held measure has not restricted anyone yet).
/// </remarks>
public sealed class StatementsOfReasons(
    RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, PolicyProvider policies, SecretCodes.SecretCodes codes,
    IOutbox outbox, DemandSealing sealing, TimeProvider clock)
{
    public const string AppealPurpose = "appeal";
    public const string WebhookEvent = "statement.issued";
    public const string MaskedCode = "••••";
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>Issues the statements that are due: first ones for measures in force, and further ones where a gag
    /// on the linked demand has ended. Returns how many were issued.</summary>
    public async Task<int> RunAsync(int max, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = await db.ModerationDecisions.AsNoTracking()
            .Where(r => r.State == ModerationState.Active && !db.ModerationStatements.Any(s => s.DecisionId == r.Id))
            .OrderBy(r => r.ReceivedAt).Take(max).ToListAsync(ct);
        var issued = 0;
        foreach (var record in first)
        {
            await IssueAsync(record, 1, today, ct);
            issued++;
        }

        var ungagged = await db.ModerationStatements.AsNoTracking()
            .Where(s => s.Government == GovernmentMention.Withheld && s.GagUntil != null && s.GagUntil <= today
                && !db.ModerationStatements.Any(n => n.DecisionId == s.DecisionId && n.Version > s.Version))
            .Select(s => new { s.DecisionId, s.Version }).Take(max).ToListAsync(ct);
        foreach (var s in ungagged)
        {
            var record = await db.ModerationDecisions.AsNoTracking().FirstAsync(r => r.Id == s.DecisionId, ct);
            await IssueAsync(record, s.Version + 1, today, ct);
            issued++;
        }

        return issued;
    }

    /// <summary>The decision's statements, newest first, for the desk (the read of the decision is ledgered there).</summary>
    public async Task<IReadOnlyList<StatementView>> ForDecisionAsync(Guid decisionId, CancellationToken ct)
    {
        var rows = await db.ModerationStatements.AsNoTracking().Where(s => s.DecisionId == decisionId).OrderByDescending(s => s.Version).ToListAsync(ct);
        return rows.Select(s =>
        {
            var dek = cipher.Unwrap(s.WrappedKey);
            var subject = cipher.Decrypt(dek, s.SealedSubject, SealingContext.Moderation(s.Id, "statementSubject"));
            var body = cipher.Decrypt(dek, s.SealedBody, SealingContext.Moderation(s.Id, "statementBody"));
            return new StatementView(s, subject, body, Html(subject, body, s.Language));
        }).ToList();
    }

    /// <summary>The statement as a standalone HTML document: no scripts, nothing fetched, right to left where the
    /// language is written so.</summary>
    public static string Html(string subject, string markdown, string language)
    {
        var lang = WebUtility.HtmlEncode(language);
        var dir = language is "ar" or "fa" ? "rtl" : "ltr";
        return $"""
            <!DOCTYPE html>
            <html lang="{lang}" dir="{dir}">
            <head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body>
            <h1>{WebUtility.HtmlEncode(subject)}</h1>
            {Markdown.ToHtml(markdown, Pipeline)}</body>
            </html>
            """;
    }

    private async Task IssueAsync(ModerationDecisionRecord record, int version, DateOnly today, CancellationToken ct)
    {
        var policy = policies.Current;
        var appealDays = policy.Moderation?.AppealDays ?? ModerationPolicy.MinimumAppealDays;
        var dek = cipher.Unwrap(record.WrappedKey);
        var decision = JsonSerializer.Deserialize<ModerationDecision>(
            cipher.Decrypt(dek, record.SealedDecision, SealingContext.Moderation(record.Id, "decision")), JsonNames.Options)!;
        var (government, authority, country, gagUntil) = await GovernmentAsync(record.DemandId, today, ct);
        var code = await codes.IssueAsync(AppealPurpose);
        // 183 days falls a day short of six calendar months from some dates (3 March + 183 = 2 September): take the later.
        var appealBy = today.AddDays(Math.Max(appealDays, ModerationPolicy.MinimumAppealDays));
        appealBy = appealBy < today.AddMonths(6) ? today.AddMonths(6) : appealBy;
        var model = new StatementModel(decision, policy.Operator.Name, today, appealBy,
            code.Code, government, authority, country, Supplementary: version > 1);
        var sent = StatementComposer.Compose(policy, decision.UserLanguage, model);
        var kept = StatementComposer.Compose(policy, decision.UserLanguage, model with { AppealCode = MaskedCode });

        var now = clock.GetUtcNow();
        var (statementKey, wrapped) = cipher.NewDataKey();
        var statement = new StatementRecord
        {
            Id = Guid.CreateVersion7(now), DecisionId = record.Id, Version = version, Language = sent.Language, IssuedAt = now,
            AppealBy = model.AppealBy, Government = government, GagUntil = government == GovernmentMention.Withheld ? gagUntil : null,
            AppealLookupKey = code.Stored.LookupKey, AppealSalt = code.Stored.Salt, AppealHash = code.Stored.Hash, WrappedKey = wrapped,
        };
        statement.SealedSubject = cipher.Encrypt(statementKey, kept.Subject, SealingContext.Moderation(statement.Id, "statementSubject"));
        statement.SealedBody = cipher.Encrypt(statementKey, kept.BodyMarkdown, SealingContext.Moderation(statement.Id, "statementBody"));
        db.ModerationStatements.Add(statement);

        var body = JsonSerializer.Serialize(new
        {
            @event = WebhookEvent,
            statement = statement.Id,
            decision = record.Id,
            puid = record.Puid,
            version,
            language = sent.Language,
            appealBy = model.AppealBy,
            subject = sent.Subject,
            text = sent.BodyMarkdown,
            html = Html(sent.Subject, sent.BodyMarkdown, sent.Language),
        }, JsonNames.Options);
        await outbox.EnqueueAsync(OutboxMessage.Webhook(OutboxTopics.Statement, $"statement:{record.Id:N}:{version}", new WebhookPayload(WebhookEvent, body))
            with { SubjectId = statement.Id.ToString(), CorrelationId = record.DemandId?.ToString() }, ct);
        ledger.Record(new StatementOfReasonsIssued(statement.Id, version, sent.Language, JsonNames.Of(government), model.AppealBy, statement.GagUntil),
            LedgerWriter.SystemActor, record.Id.ToString());
        await ledger.SaveAsync(ct);
    }

    /// <summary>Whether the statement may name the government: always, unless the linked demand's non-disclosure
    /// order is in force today.</summary>
    private async Task<(GovernmentMention, string?, string?, DateOnly?)> GovernmentAsync(Guid? demandId, DateOnly today, CancellationToken ct)
    {
        if (demandId is not { } id || await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } demand)
        {
            return (GovernmentMention.None, null, null, null);
        }

        var gag = sealing.Demand(demand).NonDisclosure;
        if (gag is { Required: true } && (gag.Until is null || gag.Until > today))
        {
            return (GovernmentMention.Withheld, null, null, gag.Until);
        }

        return (GovernmentMention.Said, demand.AuthorityName, demand.AuthorityCountry, null);
    }
}
