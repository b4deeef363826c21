using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Common;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Application.Moderation;

/// <summary>What one line of an account's history is about.</summary>
public enum AccountEventKind { Decision, Statement, Appeal, AppealDecided, Confirmed, Lifted, Applied, Ended, Kept }

/// <summary>One line of an account's history: when, what, and the decision it belongs to.</summary>
public sealed record AccountEvent(DateTimeOffset At, AccountEventKind Kind, Guid DecisionId, string What);

/// <summary>
/// The decision history of one account: every decision about it, its statements of reasons and appeals, and what
/// became of each, in time order. The account is found by the keyed index decisions are stored under, never by its
/// name in clear; the page's address carries that index, so the account itself never appears in a URL or a log.
/// Reading a history is a sensitive read, ledgered with the index (a pseudonym) and how many decisions it showed.
/// </summary>
public sealed class AccountHistory(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger)
{
    /// <summary>The index an account's decisions are stored under (the same as <see cref="RecordDecisions"/> writes).</summary>
    public string IndexOf(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return cipher.BlindIndex(RecordDecisions.AccountIndexPurpose, Identifiers.Canonical(TargetType.Account, account.Trim()));
    }

    /// <summary>Whether <paramref name="index"/> has the shape of an index (64 lower-case hex digits).</summary>
    public static bool IsIndex(string? index) => index is { Length: 64 } && index.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public async Task<IReadOnlyList<AccountEvent>> ReadAsync(string index, Actor actor, CancellationToken ct)
    {
        var decisions = await db.ModerationDecisions.AsNoTracking().Where(r => r.AccountIndex == index)
            .Select(r => new { r.Id, r.ReceivedAt, r.Rung, r.State, r.DemandId, r.EndsOn }).ToListAsync(ct);
        var ids = decisions.Select(d => d.Id).ToList();
        var subjects = ids.Select(i => i.ToString()).ToList();
        var statements = await db.ModerationStatements.AsNoTracking().Where(s => ids.Contains(s.DecisionId))
            .Select(s => new { s.DecisionId, s.IssuedAt, s.Version, s.Language, s.AppealBy }).ToListAsync(ct);
        var appeals = await db.Appeals.AsNoTracking().Where(a => ids.Contains(a.DecisionId))
            .Select(a => new { a.DecisionId, a.SubmittedAt, a.Channel, a.State, a.Outcome, a.DecidedAt, a.RestrictionLifted }).ToListAsync(ct);
        int[] steps = [(int)LedgerEventCode.ModerationDecisionConfirmed, (int)LedgerEventCode.ModerationDecisionLifted, (int)LedgerEventCode.ModerationDecisionApplied,
            (int)LedgerEventCode.ModerationMeasureEnded, (int)LedgerEventCode.ModerationMeasureKept];
        var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId != null && subjects.Contains(e.SubjectId) && steps.Contains(e.Code))
            .Select(e => new { e.SubjectId, e.At, e.Code, e.Actor }).ToListAsync(ct);

        var lines = new List<AccountEvent>();
        lines.AddRange(decisions.Select(d => new AccountEvent(d.ReceivedAt, AccountEventKind.Decision, d.Id,
            JsonNames.Of(d.Rung) + (d.DemandId is null ? "" : ", from a government demand") + "; now " + JsonNames.Of(d.State) + (d.EndsOn is { } end ? ", ends " + Day(end) : ""))));
        lines.AddRange(statements.Select(s => new AccountEvent(s.IssuedAt, AccountEventKind.Statement, s.DecisionId,
            "statement of reasons " + s.Version + " in " + s.Language + ", appeal until " + Day(s.AppealBy))));
        foreach (var a in appeals)
        {
            lines.Add(new AccountEvent(a.SubmittedAt, AccountEventKind.Appeal, a.DecisionId, "appeal (" + JsonNames.Of(a.Channel) + "), " + JsonNames.Of(a.State)));
            if (a is { DecidedAt: { } decided, Outcome: { } outcome })
            {
                lines.Add(new AccountEvent(decided, AccountEventKind.AppealDecided, a.DecisionId, "appeal " + JsonNames.Of(outcome) + (a.RestrictionLifted ? ", restriction lifted" : "")));
            }
        }

        lines.AddRange(events.Select(e => new AccountEvent(e.At, KindOf(e.Code), Guid.Parse(e.SubjectId!), LedgerCodeRanges.NameOf(e.Code) + " by " + e.Actor)));
        ledger.Record(new ModerationAccountHistoryRead(index, decisions.Count), actor, null);
        await ledger.SaveAsync(ct);
        return lines.OrderBy(l => l.At).ThenBy(l => l.Kind).ToList();
    }

    private static AccountEventKind KindOf(int code) => (LedgerEventCode)code switch
    {
        LedgerEventCode.ModerationDecisionConfirmed => AccountEventKind.Confirmed,
        LedgerEventCode.ModerationDecisionLifted => AccountEventKind.Lifted,
        LedgerEventCode.ModerationDecisionApplied => AccountEventKind.Applied,
        LedgerEventCode.ModerationMeasureEnded => AccountEventKind.Ended,
        _ => AccountEventKind.Kept,
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
