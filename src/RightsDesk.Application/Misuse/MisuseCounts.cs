using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Moderation;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Misuse;

namespace RightsDesk.Application.Misuse;

/// <summary>
/// Where an Art. 23 party stands: what the desk counts for it in the policy's window, whether that crosses the
/// policy's thresholds, its standing warning and its suspension in force.
/// </summary>
public sealed record MisuseStatus(MisuseKind Kind, MisuseParty Party, MisuseFacts Facts, bool Candidate, MisuseMeasureRecord? Warning, MisuseMeasureRecord? Suspension);

/// <summary>
/// Counting a party's misuse from the stored record, by its blind index only, so nobody is opened to count:
/// <list type="bullet">
/// <item>manifestly illegal content: the account's moderation decisions on the illegal-content ground that were not
/// lifted, out of all its decisions;</item>
/// <item>unfounded notices: the notifier's notices decided with no action, out of all their notices;</item>
/// <item>unfounded complaints: an account's appeals that left the decision standing, or a notifier's complaints
/// that did, out of all of them.</item>
/// </list>
/// The counts only propose: whether items were <em>manifestly</em> illegal or unfounded is the desk's judgement, said in
/// the reasons of each measure.
/// </summary>
public sealed class MisuseCounts(RightsDeskDbContext db, FieldCipher cipher)
{
    public const string NotifierPurpose = "misuseNotifier";

    /// <summary>The party's blind index: for an account the moderation decisions' own, for a notifier the notices'.</summary>
    public string Index(MisuseParty party, string id) => party == MisuseParty.Account
        ? cipher.BlindIndex(RecordDecisions.AccountIndexPurpose, MisuseRequests.Canonical(party, id))
        : NotifierIndex(id);

    public string NotifierIndex(string email) => cipher.BlindIndex(NotifierPurpose, MisuseRequests.Canonical(MisuseParty.Notifier, email));

    public async Task<MisuseFacts> CountAsync(MisuseKind kind, MisuseParty party, string index, DateTimeOffset since, CancellationToken ct)
    {
        // Rows are fetched by the indexed party and filtered by time here: one party's rows are few, and DateTimeOffset
        // does not compare in SQL on SQLite.
        switch (kind, party)
        {
            case (MisuseKind.IllegalContent, _):
                var decisions = await db.ModerationDecisions.AsNoTracking().Where(d => d.AccountIndex == index)
                    .Select(d => new { d.ReceivedAt, d.DecisionGround, d.State }).ToListAsync(ct);
                var inWindow = decisions.Where(d => d.ReceivedAt >= since).ToList();
                return new(inWindow.Count(d => d.DecisionGround == Tdb.GroundIllegal && d.State != Data.Moderation.ModerationState.Lifted), inWindow.Count);
            case (MisuseKind.UnfoundedNotices, _):
                var notices = await db.IllegalContentNotices.AsNoTracking().Where(n => n.NotifierIndex == index)
                    .Select(n => new { n.ReceivedAt, n.Outcome }).ToListAsync(ct);
                var recent = notices.Where(n => n.ReceivedAt >= since).ToList();
                return new(recent.Count(n => n.Outcome == NoticeOutcome.NoAction), recent.Count);
            case (MisuseKind.UnfoundedComplaints, MisuseParty.Account):
                var appeals = await db.Appeals.AsNoTracking()
                    .Join(db.ModerationDecisions.AsNoTracking().Where(d => d.AccountIndex == index), a => a.DecisionId, d => d.Id, (a, d) => new { a.SubmittedAt, a.Outcome })
                    .ToListAsync(ct);
                var made = appeals.Where(a => a.SubmittedAt >= since).ToList();
                return new(made.Count(a => a.Outcome == AppealOutcome.Upheld), made.Count);
            default:
                var complaints = await db.NoticeComplaints.AsNoTracking()
                    .Join(db.IllegalContentNotices.AsNoTracking().Where(n => n.NotifierIndex == index), c => c.NoticeId, n => n.Id, (c, n) => new { c.SubmittedAt, c.State })
                    .ToListAsync(ct);
                var sent = complaints.Where(c => c.SubmittedAt >= since).ToList();
                return new(sent.Count(c => c.State == NoticeComplaintState.Upheld), sent.Count);
        }
    }

    /// <summary>The party's measures for one kind of misuse, newest first.</summary>
    public async Task<IReadOnlyList<MisuseMeasureRecord>> MeasuresAsync(MisuseKind kind, MisuseParty party, string index, CancellationToken ct)
    {
        var rows = await db.MisuseMeasures.AsNoTracking().Where(m => m.Kind == kind && m.Party == party && m.PartyIndex == index).ToListAsync(ct);
        return [.. rows.OrderByDescending(m => m.CreatedAt)];
    }

    public async Task<MisuseStatus> StatusAsync(MisuseKind kind, MisuseParty party, string index, Art23Policy policy, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var facts = await CountAsync(kind, party, index, now - policy.Window, ct);
        var measures = await MeasuresAsync(kind, party, index, ct);
        return new MisuseStatus(kind, party, facts, MisuseRules.IsCandidate(facts, policy), StandingWarning(kind, measures, now, policy), InForce(measures, now));
    }

    /// <summary>The suspension in force for this party and kind of misuse, if any.</summary>
    public async Task<MisuseMeasureRecord?> SuspendedAsync(MisuseKind kind, MisuseParty party, string index, DateTimeOffset now, CancellationToken ct) =>
        InForce(await MeasuresAsync(kind, party, index, ct), now);

    /// <summary>The standing warning among one party's measures for <paramref name="kind"/> (they share one index).</summary>
    public static MisuseMeasureRecord? StandingWarning(MisuseKind kind, IEnumerable<MisuseMeasureRecord> measures, DateTimeOffset now, Art23Policy policy)
    {
        var warnings = measures.Where(m => m.Type == MisuseMeasureType.Warning && m.Kind == kind).ToList();
        var standing = MisuseRules.StandingWarning(kind, OneParty, warnings.Select(w => new PriorWarning(w.Kind, OneParty, w.CreatedAt)), now, policy);
        return standing is null ? null : warnings.First(w => w.CreatedAt == standing.IssuedAt);
    }

    private const string OneParty = "party";

    public static MisuseMeasureRecord? InForce(IEnumerable<MisuseMeasureRecord> measures, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return measures.FirstOrDefault(m => m is { Type: MisuseMeasureType.Suspension, State: MisuseState.Confirmed, Until: { } until } && MisuseRules.InForce(until, null, today));
    }
}
