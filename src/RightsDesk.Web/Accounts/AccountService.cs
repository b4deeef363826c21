using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Web.Accounts;

public sealed record EnrolmentLink(DeskUser User, string Secret, DateTimeOffset ExpiresAt)
{
    public string Url(string baseUrl) => baseUrl.TrimEnd('/') + "/account/enrol?token=" + Secret;
}

/// <summary>
/// Staff accounts: created by an admin (or at the console) without a password, finished by the person through a
/// one-time enrolment link where they choose a password and bind an authenticator. Every change is a ledger event,
/// and every change of role or status deletes the account's stored sessions and changes its security stamp, so its
/// open sessions end at their next request.
/// </summary>
public sealed class AccountService(UserManager<DeskUser> users, RightsDeskDbContext db, TotpVerifier totp, RecoveryCodes recovery, LedgerWriter ledger, TimeProvider clock)
{
    public static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromHours(72);

    public async Task<EnrolmentLink> CreateStaffAsync(string email, string role, string? displayName, string actor, CancellationToken ct)
    {
        email = NormaliseEmail(email);
        if (!Roles.IsStaff(role))
        {
            throw new AccountException($"'{role}' is not a staff role; use one of: {string.Join(", ", Roles.Staff)}.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new AccountException("An account with this email already exists.");
        }

        var user = new DeskUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()).ToString(),
            UserName = email, Email = email, EmailConfirmed = true, Kind = AccountKind.Staff,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor, LockoutEnabled = true,
        };
        var secret = IssueEnrolment(user);
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        ledger.Record(new AccountCreated(role), actor, user.Id);
        await ledger.SaveAsync(ct);
        return new EnrolmentLink(user, secret, user.EnrolmentExpiresAt!.Value);
    }

    /// <summary>Starts enrolment over: the old password and authenticator stop working at once.</summary>
    /// <summary>
    /// Starts a staff account's enrolment over: the old password, authenticator and recovery codes stop working at
    /// once. An official's account is refused: its link must never be shown to staff (see
    /// <see cref="Portal.OfficialAuthenticatorResets"/>, which mails it to the registered address).
    /// </summary>
    public async Task<EnrolmentLink> ResetEnrolmentAsync(string userId, string actor, CancellationToken ct)
    {
        var user = await Find(userId);
        if (user.Kind == AccountKind.Official)
        {
            throw new AccountException("This is an official's account. Reset it on the official's page under Officials: the new link then goes only to the official's registered address, and the account must be verified again by call-back.");
        }

        var secret = await StartOverAsync(user, ct);
        ledger.Record(new EnrolmentReset(), actor, user.Id);
        await ledger.SaveAsync(ct);
        return new EnrolmentLink(user, secret, user.EnrolmentExpiresAt!.Value);
    }

    /// <summary>
    /// Clears the account's password, authenticator and recovery codes, ends its sessions and issues a new enrolment
    /// secret. The account is saved; the caller records the event and saves it with whatever goes with it.
    /// </summary>
    internal async Task<string> StartOverAsync(DeskUser user, CancellationToken ct)
    {
        var secret = IssueEnrolment(user);
        user.EnrolledAt = null;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(c => c.UserId == user.Id).ToListAsync(ct));
        Check(await users.UpdateAsync(user));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await DatabaseTicketStore.EndAllAsync(db, user.Id, ct);
        return secret;
    }

    /// <summary>The account an enrolment secret belongs to, if it is still valid.</summary>
    public async Task<DeskUser?> FindByEnrolmentAsync(string secret, CancellationToken ct)
    {
        if (secret.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var user = await db.Users.FirstOrDefaultAsync(u => u.EnrolmentHash == hash, ct);
        return user is null || user.Disabled || user.EnrolmentExpiresAt <= clock.GetUtcNow() ? null : user;
    }

    /// <summary>The authenticator secret to show during enrolment, created on first view and stable until used.</summary>
    public async Task<string> AuthenticatorSecretAsync(DeskUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return key!;
    }

    /// <summary>Completes enrolment: the password passes the policy and the code proves the authenticator works.</summary>
    public async Task<IdentityResult> CompleteEnrolmentAsync(DeskUser user, string password, string code, CancellationToken ct) =>
        (await CompleteAsync(user, password, code, false, ct)).Result;

    /// <summary>Completes enrolment as the enrolment page does: with recovery codes, saved with the enrolment and shown once.</summary>
    public Task<(IdentityResult Result, IReadOnlyList<string> RecoveryCodes)> CompleteEnrolmentWithRecoveryAsync(DeskUser user, string password, string code, CancellationToken ct) =>
        CompleteAsync(user, password, code, true, ct);

    private async Task<(IdentityResult Result, IReadOnlyList<string> RecoveryCodes)> CompleteAsync(DeskUser user, string password, string code, bool withRecovery, CancellationToken ct)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded)
            {
                return (valid, []);
            }
        }

        if (!await totp.VerifyAsync(user, code, ct))
        {
            return (IdentityResult.Failed(new IdentityError { Code = "CodeInvalid", Description = "The code from the authenticator app is not right; check the app's clock and try the current code." }), []);
        }

        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            return (result, []);
        }

        user.EnrolmentHash = null;
        user.EnrolmentExpiresAt = null;
        user.EnrolledAt = clock.GetUtcNow();
        user.TwoFactorEnabled = true;
        Check(await users.UpdateAsync(user));
        ledger.Record(new AccountEnrolled(), user.UserName!, user.Id);
        var codes = withRecovery ? await recovery.IssueAsync(user, ct) : [];
        await ledger.SaveAsync(ct);
        return (IdentityResult.Success, codes);
    }

    public async Task ChangeRoleAsync(string userId, string role, string actor, CancellationToken ct)
    {
        var user = await Find(userId);
        var current = await users.GetRolesAsync(user);
        // An official stays an official and a partner a partner: neither account may be turned into staff.
        var allowed = user.Kind switch { AccountKind.Official => role == Roles.Official, AccountKind.Partner => role == Roles.Partner, _ => Roles.IsStaff(role) };
        if (!allowed)
        {
            throw new AccountException($"'{role}' is not a role this account can have.");
        }

        if (current.Count == 1 && current[0] == role)
        {
            return;
        }

        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        // A new stamp ends every session the account has open: the person signs in again under the new role.
        Check(await users.UpdateSecurityStampAsync(user));
        await DatabaseTicketStore.EndAllAsync(db, user.Id, ct);
        ledger.Record(new AccountRoleChanged([.. current], role), actor, user.Id);
        await ledger.SaveAsync(ct);
    }

    public async Task SetDisabledAsync(string userId, bool disabled, string actor, CancellationToken ct)
    {
        var user = await Find(userId);
        if (user.Disabled == disabled)
        {
            return;
        }

        user.Disabled = disabled;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await DatabaseTicketStore.EndAllAsync(db, user.Id, ct);
        ledger.Record(disabled ? new AccountDisabled() : new AccountEnabled(), actor, user.Id);
        await ledger.SaveAsync(ct);
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(AccountKind kind, CancellationToken ct)
    {
        var rows = await db.Users.Where(u => u.Kind == kind).OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Disabled, u.EnrolledAt, u.LastSignInAt, u.LockoutEnd, u.CreatedAt })
            .Take(1000).ToListAsync(ct);
        var ids = rows.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name ?? "");
        var now = clock.GetUtcNow();
        return rows.Select(u => new AccountSummary(u.Id, u.Email ?? "", u.DisplayName, byUser.GetValueOrDefault(u.Id, ""), u.Disabled,
            u.EnrolledAt is not null, u.LockoutEnd > now, u.LastSignInAt, u.CreatedAt)).ToList();
    }

    public static string NormaliseEmail(string email)
    {
        email = (email ?? "").Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (email.Length is < 3 or > 254 || at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(char.IsWhiteSpace))
        {
            throw new AccountException("Give a valid email address.");
        }

        return email[..at] + "@" + email[(at + 1)..].ToLowerInvariant();
    }

    public static string NormaliseCode(string? code) => new((code ?? "").Where(char.IsAsciiDigit).Take(8).ToArray());

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private string IssueEnrolment(DeskUser user)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        user.EnrolmentHash = Hash(secret);
        user.EnrolmentExpiresAt = clock.GetUtcNow() + EnrolmentLifetime;
        return secret;
    }

    private async Task<DeskUser> Find(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new AccountException("No such account.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record AccountSummary(string Id, string Email, string DisplayName, string Role, bool Disabled, bool Enrolled, bool LockedOut, DateTimeOffset? LastSignInAt, DateTimeOffset CreatedAt);

/// <summary>An account operation that cannot be done as asked; the message says why.</summary>
public sealed class AccountException(string message) : Exception(message);
