using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Appeals;
using RightsDesk.Application.Moderation;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Misuse;

namespace RightsDesk.Application.Misuse;

/// <summary>
/// The second person's side of an Art. 23 suspension: confirming or declining a proposal, and lifting a suspension
/// in force. Confirming the suspension of an account for manifestly illegal content makes it a moderation decision
/// (DECISION_ACCOUNT_SUSPENDED, ending on the suspension's last day) through the same store as the platform's API,
/// so it is placed on the ladder, the user gets a statement of reasons with the appeal route, the platform is told
/// to apply it, and it is counted and exported like any other decision.
/// </summary>
public sealed class MisuseSuspensions(
    RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, RecordDecisions record, PlatformInstructions instructions, MisuseNotices notify, TimeProvider clock)
{
    public const int MinReasons = 10;
    public const int MaxReasons = 2000;

    /// <summary>The legal ground the account decision names: the suspension rests on Art. 23(1) itself.</summary>
    public const string LegalGround = "Regulation (EU) 2022/2065 (Digital Services Act), Article 23(1): suspension after a prior warning for frequently providing manifestly illegal content";

    /// <summary>The puid of the moderation decision that carries an account's suspension: one per measure, so a
    /// retried confirmation can never make a second.</summary>
    public static string DecisionPuid(Guid measureId) => "art23-" + measureId.ToString("N");

    /// <summary>Confirms a proposed suspension; null when there is no such measure.</summary>
    /// <exception cref="WorkflowException">when the confirmer is not a person, is the proposer, or it is no longer proposed.</exception>
    public async Task<MisuseMeasureRecord?> ConfirmAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var m = await ProposedAsync(id, actor, ct);
        if (m is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (m.Until is not { } until || until <= today)
        {
            throw new WorkflowException("The proposed end date has passed: decline this proposal and propose again with a new end date.");
        }

        var now = clock.GetUtcNow();
        var (party, reasons) = Open(m);
        m.State = MisuseState.Confirmed;
        m.ConfirmedAt = now;
        m.ConfirmedBy = actor.LedgerName;
        m.ConfirmedById = actor.Id;
        if (m is { Kind: MisuseKind.IllegalContent, Party: MisuseParty.Account })
        {
            m.DecisionId = await DecideAsync(m, party, reasons, today, actor, ct);
        }

        ledger.Record(new MisuseSuspensionConfirmed(until, m.DecisionId), actor, m.Id.ToString());
        await notify.SuspendedAsync(m, party, reasons, ct);
        await SaveAsync(ct);
        return m;
    }

    /// <summary>Declines a proposed suspension, with the reasons; null when there is no such measure.</summary>
    public async Task<MisuseMeasureRecord?> DeclineAsync(Guid id, string? reasons, Actor actor, CancellationToken ct)
    {
        var text = Reasons(reasons);
        var m = await ProposedAsync(id, actor, ct);
        if (m is null)
        {
            return null;
        }

        Close(m, MisuseState.Declined, text, actor);
        ledger.Record(new MisuseSuspensionDeclined(MisuseDesk.Sha256(text)), actor, m.Id.ToString());
        await SaveAsync(ct);
        return m;
    }

    /// <summary>Lifts a suspension in force before its end date; null when there is no such measure.</summary>
    public async Task<MisuseMeasureRecord?> LiftAsync(Guid id, string? reasons, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        FourEyes.EnsureMayDecide(actor);
        var text = Reasons(reasons);
        var m = await db.MisuseMeasures.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return null;
        }

        if (m.State != MisuseState.Confirmed || MisuseCounts.InForce([m], clock.GetUtcNow()) is null)
        {
            throw new WorkflowException("Only a suspension in force can be lifted.");
        }

        var lifted = false;
        if (m.DecisionId is { } decisionId && await db.ModerationDecisions.FirstOrDefaultAsync(d => d.Id == decisionId, ct) is { } decision)
        {
            lifted = RestrictionLift.Lift(decision, text, actor, clock.GetUtcNow(), cipher, ledger);
        }

        Close(m, MisuseState.Lifted, text, actor);
        ledger.Record(new MisuseSuspensionLifted(MisuseDesk.Sha256(text), lifted), actor, m.Id.ToString());
        await notify.LiftedAsync(m, Open(m).Party, ct);
        await SaveAsync(ct);
        return m;
    }

    private async Task<MisuseMeasureRecord?> ProposedAsync(Guid id, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        FourEyes.EnsureMayDecide(actor);
        var m = await db.MisuseMeasures.FirstOrDefaultAsync(x => x.Id == id && x.Type == MisuseMeasureType.Suspension, ct);
        if (m is null)
        {
            return null;
        }

        if (m.State != MisuseState.Proposed)
        {
            throw new WorkflowException("This suspension is no longer waiting for a second person.");
        }

        if (string.Equals(m.CreatedById, actor.Id, StringComparison.Ordinal))
        {
            throw new WorkflowException("Nobody confirms or declines their own proposal: a second person must.");
        }

        return m;
    }

    /// <summary>Records the account's suspension as a moderation decision and, when the ladder lets it through, tells
    /// the platform to apply it. Someone on the at-risk registry is held for two more people, as every decision is.</summary>
    private async Task<Guid> DecideAsync(MisuseMeasureRecord m, string account, string reasons, DateOnly today, Actor actor, CancellationToken ct)
    {
        var categories = await db.ModerationDecisions.AsNoTracking().Where(d => d.AccountIndex == m.PartyIndex && d.DecisionGround == Tdb.GroundIllegal)
            .Select(d => d.Category).ToListAsync(ct);
        var category = categories.GroupBy(c => c, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? "STATEMENT_CATEGORY_OTHER_VIOLATION_TC";
        var puid = DecisionPuid(m.Id);
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["decisionAccount"] = Tdb.AccountSuspended,
            ["endDateAccountRestriction"] = m.Until!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["decisionGround"] = Tdb.GroundIllegal,
            ["illegalContentLegalGround"] = LegalGround,
            ["illegalContentExplanation"] = Cut(reasons, 2000),
            ["contentType"] = new JsonArray(Tdb.ContentTypeOther),
            ["contentTypeOther"] = "An account",
            ["category"] = category,
            ["territorialScope"] = new JsonArray(ModerationDecision.Everywhere),
            ["contentDate"] = day,
            ["applicationDate"] = day,
            ["decisionFacts"] = Cut(reasons, 4000),
            ["sourceType"] = Tdb.SourceVoluntary,
            ["automatedDetection"] = Tdb.No,
            ["automatedDecision"] = "AUTOMATED_DECISION_NOT_AUTOMATED",
            ["puid"] = puid,
            ["account"] = account,
            ["userLanguage"] = m.Language,
        };
        using var doc = JsonDocument.Parse(body.ToJsonString());
        var input = new JsonInput();
        var decision = ModerationDecisionReader.Read(input, doc.RootElement, "");
        if (input.HasErrors || decision is null)
        {
            throw new InvalidOperationException("An Art. 23 account decision does not pass the reader: " + string.Join("; ", input.Errors.Select(e => e.Field + ": " + e.Message)));
        }

        var results = await record.StageAsync(new RecordDecisions.Request([new BatchItem<ModerationDecision>(0, decision, [])], false, [puid], actor), ct,
            new Dictionary<string, Target>(StringComparer.Ordinal) { [puid] = new Target(TargetType.Account, account) });
        var row = db.ModerationDecisions.Local.Single(r => r.Puid == puid);
        if (results is [{ Status: DecisionStatus.Created, Action: ModerationAction.Apply }])
        {
            await instructions.ApplyAsync(row, decision, ct);
        }

        return row.Id;
    }

    private (string Party, string Reasons) Open(MisuseMeasureRecord m)
    {
        var key = cipher.Unwrap(m.WrappedKey);
        try
        {
            return (cipher.Decrypt(key, m.SealedParty, MisuseDesk.Context(m.Id, "party")), cipher.Decrypt(key, m.SealedReasons, MisuseDesk.Context(m.Id, "reasons")));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private void Close(MisuseMeasureRecord m, MisuseState state, string reasons, Actor actor)
    {
        m.State = state;
        m.ClosedAt = clock.GetUtcNow();
        m.ClosedBy = actor.LedgerName;
        var key = cipher.Unwrap(m.WrappedKey);
        m.SealedCloseReasons = cipher.Encrypt(key, reasons, MisuseDesk.Context(m.Id, "close"));
        CryptographicOperations.ZeroMemory(key);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await ledger.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowException("Someone else acted on this measure at the same moment; open it again to see where it stands.");
        }
    }

    private static string Reasons(string? reasons)
    {
        var text = (reasons ?? "").Trim();
        return text.Length is < MinReasons or > MaxReasons
            ? throw new ValidationFailedException([new FieldError("reasons", $"Give the reasons, in {MinReasons} to {MaxReasons} characters.")])
            : text;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
