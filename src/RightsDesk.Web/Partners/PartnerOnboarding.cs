using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Outbox;
using RightsDesk.Application.Partners;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Portal;

namespace RightsDesk.Web.Partners;

/// <summary>
/// The second person's approval of a vetted application, which creates the partner's account the way the portal
/// creates an official's: no password, an enrolment link sent only to the contact address the organisation gave,
/// through the outbox, where the person chooses a password and binds an authenticator. The account, the approval,
/// the partner and the mail are saved in one transaction.
/// </summary>
public sealed class PartnerOnboarding(
    RightsDeskDbContext db, UserManager<DeskUser> users, PartnerApplications applications, IOutbox outbox, LedgerWriter ledger,
    PublicUrl links, PlatformName platform, TimeProvider clock)
{
    public async Task<Guid?> ApproveAsync(Guid applicationId, string? note, Actor approver, HttpRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approver);
        var baseUrl = links.For(request) ?? throw new WorkflowException("Approval sends an enrolment link, which needs RightsDesk:PublicUrl, the public address.");
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        // A pseudonym as the user name: the ledger and the desk show it, never the contact's address.
        var userName = "partner-" + id.ToString("N");
        var approved = await applications.AddApprovalAsync(applicationId, note, approver, id.ToString(), ct);
        if (approved is not { } done)
        {
            return null;
        }

        var email = AccountService.NormaliseEmail(done.ContactEmail);
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new WorkflowException("An account already uses the contact address of this application; ask the organisation for another address.");
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var user = new DeskUser
        {
            Id = id.ToString(), UserName = userName, NormalizedUserName = users.NormalizeName(userName),
            Email = email, NormalizedEmail = users.NormalizeEmail(email), EmailConfirmed = false,
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)), ConcurrencyStamp = Guid.CreateVersion7(now).ToString(),
            LockoutEnabled = true, Kind = AccountKind.Partner, DisplayName = done.Partner.Organisation,
            CreatedAt = now, CreatedBy = approver.LedgerName,
            EnrolmentHash = AccountService.Hash(secret), EnrolmentExpiresAt = now + AccountService.EnrolmentLifetime,
        };
        var roleName = users.NormalizeName(Roles.Partner);
        var roleId = await db.Roles.Where(r => r.NormalizedName == roleName).Select(r => r.Id).SingleAsync(ct);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        var key = $"partner-enrolment:{user.Id}:{Convert.ToHexStringLower(user.EnrolmentHash, 0, 8)}";
        await outbox.EnqueueAsync(OutboxMessage.Email(OutboxTopics.PartnerMail, key, Invitation(email, baseUrl, secret)) with { SubjectId = user.Id }, ct);
        ledger.Record(new AccountCreated(Roles.Partner), approver, user.Id);
        await ledger.SaveAsync(ct);
        return done.Partner.Id;
    }

    /// <summary>Nothing the organisation typed goes into the mail: the form is public, and its text in a mail from the
    /// platform's own address would be a message the platform signed.</summary>
    private EmailPayload Invitation(string to, string baseUrl, string secret)
    {
        var name = platform.Value;
        return new EmailPayload(to, $"{name}: your trusted partner account",
            $"""
            Your organisation's application to be a trusted partner of {name} was vetted and approved by two members of our team.

            To finish your account, open this link within {AccountService.EnrolmentLifetime.TotalHours:0} hours, choose a password and connect an authenticator app:

            {baseUrl}/account/enrol?token={secret}

            The link works once. Once signed in, you can flag urgent cases at {baseUrl}/partner and follow what we did about each.

            If you did not apply, ignore this message: nothing happens without the link.
            """);
    }
}
