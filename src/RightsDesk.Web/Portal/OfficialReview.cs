using RightsDesk.Core.Cases;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Portal;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Portal;

/// <summary>One line of the officials list: nothing personal (the contact stays sealed until someone opens the record).</summary>
public sealed record OfficialRow(
    string UserId, string AuthorityName, AuthorityType AuthorityType, string Country, string EmailDomain, DateTimeOffset RegisteredAt,
    OfficialVerification Verification, RequesterFlag Flag, bool Enrolled, bool Disabled);

/// <summary>A demand the official sent, as the requester history shows it.</summary>
public sealed record RequesterDemand(Guid Id, DateTimeOffset ReceivedAt, DemandKind Kind, bool Emergency, DemandState State, Recommendation? Recommendation, Recommendation? Outcome);

/// <summary>The whole record of one official, for staff.</summary>
public sealed record OfficialDetail(
    OfficialRow Row,
    string Email,
    OfficialContact Contact,
    string? VerifiedBy,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? EnrolledAt,
    bool DomainListedForCountry,
    IReadOnlyList<OfficialRecordEntry> VerificationRecord,
    IReadOnlyList<OfficialRecordEntry> FlagRecord,
    IReadOnlyList<RequesterDemand> History,
    int HistoryTotal);

/// <summary>What the member of staff who called the authority back records. All of it is required.</summary>
public sealed record CallBack(string? NumberSource, string? NumberCalled, string? WhoAnswered, string? Confirmed, bool NumberNotFromRegistration);

/// <summary>
/// Staff's side of the portal: the queue of registrations, verification by call-back, rejection, suspension and
/// flags. Reading an official's contact or notes is a sensitive read and goes in the ledger; every change is a
/// ledger event in the same transaction, and a change that removes access also ends the official's sessions.
/// </summary>
public sealed class OfficialReview(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, DemandCases demands, AssessDemand assess, PolicyProvider policies, TimeProvider clock)
{
    public const int MaxNote = 2000;
    public const int HistorySize = 200;

    public async Task<IReadOnlyList<OfficialRow>> ListAsync(OfficialVerification? status, int skip, int take, CancellationToken ct)
    {
        var q = from o in db.Officials.AsNoTracking()
                join u in db.Users.AsNoTracking() on o.UserId equals u.Id
                select new { o, u.EnrolledAt, u.Disabled };
        if (status is { } s)
        {
            q = q.Where(x => x.o.Verification == s);
        }

        var rows = await q.OrderByDescending(x => x.o.RegisteredAt).Skip(skip).Take(take).ToListAsync(ct);
        return rows.Select(x => Row(x.o, x.EnrolledAt is not null, x.Disabled)).ToList();
    }

    public async Task<int> CountAsync(OfficialVerification? status, CancellationToken ct) =>
        status is { } s ? await db.Officials.CountAsync(o => o.Verification == s, ct) : await db.Officials.CountAsync(ct);

    /// <summary>
    /// The record with its sealed parts opened; the opening is recorded against the reader. The requester history
    /// lists only the demands the reader may see: compartmented cases stay out, as in every other list.
    /// </summary>
    public async Task<OfficialDetail?> OpenAsync(string userId, ClaimsPrincipal reader, CancellationToken ct)
    {
        var actor = reader.Actor();
        var profile = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.UserId == userId, ct);
        var user = profile is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (profile is null || user is null)
        {
            return null;
        }

        ledger.Record(new OfficialContactRead(), actor, userId);
        await ledger.SaveAsync(ct);

        var history = await HistoryAsync(userId, reader, ct);
        var total = await DemandQueries.Visible(db.Demands.AsNoTracking(), reader.ToViewer()).CountAsync(d => d.RequesterUserId == userId, ct);
        var listed = policies.Current.HasProfile(profile.Country) && policies.Current.ProfileFor(profile.Country).OfficialEmailDomains
            .Any(s => s.StartsWith('.') ? profile.EmailDomain.EndsWith(s, StringComparison.OrdinalIgnoreCase) : profile.EmailDomain.Equals(s, StringComparison.OrdinalIgnoreCase) || profile.EmailDomain.EndsWith("." + s, StringComparison.OrdinalIgnoreCase));
        return new OfficialDetail(Row(profile, user.EnrolledAt is not null, user.Disabled), user.Email ?? "", OfficialSealing.OpenContact(cipher, profile),
            profile.VerifiedBy, profile.VerifiedAt, user.EnrolledAt, listed,
            OfficialSealing.OpenVerification(cipher, profile), OfficialSealing.OpenFlags(cipher, profile), history, total);
    }

    /// <summary>Records the call-back and lets the official submit. Needs a finished enrolment: that proved the mailbox.</summary>
    public async Task VerifyAsync(string userId, CallBack callBack, string actor, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var source = Note(callBack.NumberSource, "NumberSource", 10, errors, "Say where the number came from (the authority's official website, a government directory…).");
        var called = (callBack.NumberCalled ?? "").Trim();
        if (called.Length > OfficialRegistration.MaxPhone)
        {
            errors.Add(new FieldError("NumberCalled", $"At most {OfficialRegistration.MaxPhone} characters."));
        }

        var who = Note(callBack.WhoAnswered, "WhoAnswered", 3, errors, "Say who answered (name, role or desk).");
        var confirmed = Note(callBack.Confirmed, "Confirmed", 20, errors, "Say what they confirmed: that the person works there, in that role, and registered with this address.");
        if (!callBack.NumberNotFromRegistration)
        {
            errors.Add(new FieldError("NumberNotFromRegistration", "A call-back only proves something on a number found independently, never the one the registrant gave."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var (profile, user) = await LoadAsync(userId, ct);
        if (user.EnrolledAt is null)
        {
            throw new WorkflowException("The official has not finished enrolment, so control of the official mailbox is not yet proven. Verify after they have used the link sent to them.");
        }

        if (profile.Flag is RequesterFlag.Forged)
        {
            throw new WorkflowException("This account is flagged for a forged demand. Clear the flag, with the reason, before verifying it again.");
        }

        var now = clock.GetUtcNow();
        var reinstated = user.Disabled;
        profile.Verification = OfficialVerification.Verified;
        profile.VerifiedBy = actor;
        profile.VerifiedAt = now;
        OfficialSealing.AppendVerification(cipher, profile, new OfficialRecordEntry(now, actor, "verified", source, called.Length > 0 ? called : null, who, confirmed));
        if (reinstated)
        {
            user.Disabled = false;
            user.SecurityStamp = NewStamp();
        }

        ledger.Record(new OfficialVerified(profile.Country, reinstated), actor, userId);
        await ledger.SaveAsync(ct);
    }

    /// <summary>Refuses the registration (or withdraws a verification): the account can no longer sign in.</summary>
    public Task RejectAsync(string userId, string? reason, string actor, CancellationToken ct) =>
        CloseAsync(userId, reason, actor, OfficialVerification.Rejected, (portal, from) => new OfficialRejected(portal, from), ct);

    /// <summary>Stops a verified account at once (suspected compromise, a question to settle); verifying again reinstates it.</summary>
    public Task SuspendAsync(string userId, string? reason, string actor, CancellationToken ct) =>
        CloseAsync(userId, reason, actor, OfficialVerification.Suspended, (portal, from) => new AccountDisabled(portal, from), ct);

    /// <summary>
    /// Flags (or clears) what the requester has been found to do. The assessment weighs it from now on, and demands of
    /// theirs still waiting for a decision are assessed again at once so the flag reaches them too.
    /// </summary>
    public async Task<int> FlagAsync(string userId, RequesterFlag flag, string? reason, Actor flagger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(flagger);
        var actor = flagger.LedgerName;
        var errors = new List<FieldError>();
        var why = Note(reason, "FlagReason", 10, errors, flag is RequesterFlag.None ? "Say why the flag is cleared." : "Say what was found, and in which demand.");
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var (profile, _) = await LoadAsync(userId, ct);
        var now = clock.GetUtcNow();
        var previous = profile.Flag;
        profile.Flag = flag;
        profile.FlaggedBy = actor;
        profile.FlaggedAt = now;
        OfficialSealing.AppendFlag(cipher, profile, new OfficialRecordEntry(now, actor, "flag:" + JsonNames.Of(flag), Reason: why));
        ledger.Record(new OfficialFlagged(JsonNames.Of(flag), JsonNames.Of(previous)), actor, userId);
        await ledger.SaveAsync(ct);

        var waiting = await db.Demands.Where(d => d.RequesterUserId == userId && (d.State == DemandState.Received || d.State == DemandState.Assessed))
            .OrderBy(d => d.ReceivedAt).Select(d => d.Id).Take(HistorySize).ToListAsync(ct);
        foreach (var id in waiting)
        {
            if (await demands.FindAsync(id, ct) is { } record)
            {
                await assess.RunAsync(record, flagger, ct);
            }
        }

        return waiting.Count;
    }

    public async Task<IReadOnlyList<RequesterDemand>> HistoryAsync(string userId, ClaimsPrincipal reader, CancellationToken ct)
    {
        var rows = await DemandQueries.Visible(db.Demands.AsNoTracking(), reader.ToViewer()).Where(d => d.RequesterUserId == userId).OrderByDescending(d => d.ReceivedAt).Take(HistorySize)
            .Select(d => new { d.Id, d.ReceivedAt, d.Kind, d.Emergency, d.State, d.Recommendation }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var outcomes = await db.Decisions.AsNoTracking().Where(x => ids.Contains(x.DemandId) && !x.Superseded)
            .Select(x => new { x.DemandId, x.Outcome, x.DecidedAt }).ToListAsync(ct);
        var latest = outcomes.GroupBy(o => o.DemandId).ToDictionary(g => g.Key, g => g.MaxBy(o => o.DecidedAt)!.Outcome);
        return rows.Select(r => new RequesterDemand(r.Id, r.ReceivedAt, r.Kind, r.Emergency, r.State, r.Recommendation,
            latest.TryGetValue(r.Id, out var o) ? o : null)).ToList();
    }

    private async Task CloseAsync(string userId, string? reason, string actor, OfficialVerification to, Func<string, string, ILedgerEvent> recorded, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var why = Note(reason, "Reason", 10, errors, "Give the reason; it stays with the record.");
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var (profile, user) = await LoadAsync(userId, ct);
        if (to is OfficialVerification.Suspended && profile.Verification is not OfficialVerification.Verified)
        {
            throw new WorkflowException("Only a verified account can be suspended; reject a registration that was never verified.");
        }

        var now = clock.GetUtcNow();
        var from = profile.Verification;
        profile.Verification = to;
        OfficialSealing.AppendVerification(cipher, profile, new OfficialRecordEntry(now, actor, JsonNames.Of(to), Reason: why));
        // Disabled and a new stamp: the official's open sessions end at their next request.
        user.Disabled = true;
        user.SecurityStamp = NewStamp();
        ledger.Record(recorded(JsonNames.Of(to), JsonNames.Of(from)), actor, userId);
        await ledger.SaveAsync(ct);
    }

    private async Task<(OfficialProfile Profile, DeskUser User)> LoadAsync(string userId, CancellationToken ct)
    {
        var profile = await db.Officials.FirstOrDefaultAsync(o => o.UserId == userId, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.Kind == AccountKind.Official, ct);
        return profile is null || user is null ? throw new WorkflowException("There is no such official.") : (profile, user);
    }

    private static OfficialRow Row(OfficialProfile o, bool enrolled, bool disabled) =>
        new(o.UserId, o.AuthorityName, o.AuthorityType, o.Country, o.EmailDomain, o.RegisteredAt, o.Verification, o.Flag, enrolled, disabled);

    private static string Note(string? value, string field, int min, List<FieldError> errors, string ask)
    {
        var s = (value ?? "").Trim();
        if (s.Length < min)
        {
            errors.Add(new FieldError(field, ask + (s.Length > 0 ? $" (at least {min} characters)" : "")));
        }
        else if (s.Length > MaxNote)
        {
            errors.Add(new FieldError(field, $"At most {MaxNote} characters."));
        }
        else if (s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(new FieldError(field, "Contains control characters."));
        }

        return s;
    }

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}
