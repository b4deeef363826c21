using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Portal;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Portal;

/// <summary>
/// Staff reset an official who lost their authenticator (or whose account may be compromised). The new enrolment link
/// is never shown to the member of staff: it goes through the outbox to the address the official registered, whose
/// mailbox enrolment once proved. Whoever finishes that enrolment is only as trusted as a new registrant, so the
/// account goes back to pending: it can sign in and follow its demands, but submits nothing and downloads nothing
/// until a person records a call-back to the authority again. (An administrator once reset an official, enrolled the
/// account himself from the link the desk showed him and downloaded released packages.)
/// </summary>
public sealed class OfficialAuthenticatorResets(
    RightsDeskDbContext db, AccountService accounts, FieldCipher cipher, IOutbox outbox, LedgerWriter ledger, PublicUrl links, PlatformName platform, TimeProvider clock)
{
    public const int MinReason = 10;

    public async Task ResetAsync(string userId, string? reason, Actor actor, HttpRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var why = (reason ?? "").Trim();
        if (why.Length < MinReason || why.Length > OfficialReview.MaxNote || why.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new ValidationFailedException([new FieldError("ResetReason",
                $"Say why the authenticator is reset and how the request reached you (at least {MinReason} characters, at most {OfficialReview.MaxNote}).")]);
        }

        var baseUrl = links.For(request) ?? throw new PortalClosedException();
        var profile = await db.Officials.FirstOrDefaultAsync(o => o.UserId == userId, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.Kind == AccountKind.Official, ct);
        if (profile is null || user is null || string.IsNullOrEmpty(user.Email))
        {
            throw new WorkflowException("There is no such official.");
        }

        if (profile.Verification is OfficialVerification.Rejected)
        {
            throw new WorkflowException("This registration was rejected; a rejected account is not given a new enrolment link.");
        }

        var from = profile.Verification;
        // A suspension ends here too: the link must be usable, and pending is as far as the account gets without a call-back.
        user.Disabled = false;
        var secret = await accounts.StartOverAsync(user, ct);

        var now = clock.GetUtcNow();
        profile.Verification = OfficialVerification.Pending;
        OfficialSealing.AppendVerification(cipher, profile, new OfficialRecordEntry(now, actor.LedgerName, "authenticatorReset", Reason: why));
        var mail = ResetMail(baseUrl, secret);
        await outbox.EnqueueAsync(OutboxMessage.Email(OutboxTopics.PortalMail, $"portal-enrolment:{user.Id}:{Convert.ToHexStringLower(user.EnrolmentHash!, 0, 8)}", mail with { To = user.Email })
            with { SubjectId = user.Id }, ct);
        ledger.Record(new OfficialAuthenticatorReset(JsonNames.Of(from)), actor.LedgerName, user.Id);
        await ledger.SaveAsync(ct);
    }

    // Nothing typed by anyone goes into this mail: only the platform's configured name and the link.
    private EmailPayload ResetMail(string baseUrl, string secret)
    {
        var name = platform.Value;
        return new EmailPayload("", $"{name}: your authority portal sign-in was reset",
            $"""
            {name}'s staff have reset the password and authenticator of the authority portal account registered to this address. The old password, authenticator codes and recovery codes no longer work.

            To set them up again, open this link within {AccountService.EnrolmentLifetime.TotalHours:0} hours:

            {baseUrl}/account/enrol?token={secret}

            Until {name}'s staff have called your authority back again, on a number they find themselves, your account can sign in and follow its demands but cannot submit demands or download answers.

            If you did not ask for this, tell {name}'s legal team, using contact details you find yourself rather than any in this message.
            """);
    }
}
