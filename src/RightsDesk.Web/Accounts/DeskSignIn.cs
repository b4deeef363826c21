using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Web.Accounts;

public enum SignInOutcome { SignedIn, Refused, LockedOut }

/// <summary>
/// Sign-in is one step with three proofs: email, password and the current authenticator code. Any failure gives the
/// same answer, counts towards the lockout, and takes about the same time, so the form does not tell an attacker
/// which part was wrong or whether the account exists.
/// </summary>
public sealed class DeskSignIn(SignInManager<DeskUser> signIn, UserManager<DeskUser> users, LedgerWriter ledger, TimeProvider clock, IOptions<SessionOptions> session)
{
    public const string SignedInAtItem = "rd.signedInAt";

    public async Task<SignInOutcome> SignInAsync(string email, string password, string code, CancellationToken ct)
    {
        var user = email.Length is > 0 and <= 254 ? await users.FindByEmailAsync(email.Trim()) : null;
        if (user is null || user.Disabled || user.EnrolledAt is null || !user.TwoFactorEnabled)
        {
            // Spend the time a real check would, so response time does not reveal which accounts exist.
            users.PasswordHasher.VerifyHashedPassword(new DeskUser(), DummyHash, password);
            return SignInOutcome.Refused;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return SignInOutcome.LockedOut;
        }

        var passwordOk = await users.CheckPasswordAsync(user, password);
        var codeOk = passwordOk && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AccountService.NormaliseCode(code));
        if (!codeOk)
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                ledger.Record(LedgerEventCode.SignInLockedOut, "anonymous", user.Id);
                await ledger.SaveAsync(ct);
                return SignInOutcome.LockedOut;
            }

            return SignInOutcome.Refused;
        }

        await users.ResetAccessFailedCountAsync(user);
        var now = clock.GetUtcNow();
        user.LastSignInAt = now;
        await users.UpdateAsync(user);
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[SignedInAtItem] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await signIn.SignInWithClaimsAsync(user, properties, [new Claim("amr", "pwd"), new Claim("amr", "otp")]);
        ledger.Record(LedgerEventCode.SignedIn, user.UserName!, user.Id);
        await ledger.SaveAsync(ct);
        return SignInOutcome.SignedIn;
    }

    /// <summary>
    /// Step-up: the person proves again, with a fresh authenticator code, that it is them at the keyboard, right before
    /// an act that cannot be undone (approving a disclosure). A wrong code counts towards the lockout.
    /// </summary>
    public async Task<bool> StepUpAsync(ClaimsPrincipal principal, string code, string purpose, string subject, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.Disabled || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AccountService.NormaliseCode(code)))
        {
            await users.AccessFailedAsync(user);
            return false;
        }

        ledger.Record(LedgerEventCode.StepUpVerified, user.UserName!, subject, new Dictionary<string, string?> { ["purpose"] = purpose });
        await ledger.SaveAsync(ct);
        return true;
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

    /// <summary>Whether a session signed in at the recorded time has passed its absolute lifetime.</summary>
    public static bool PastAbsoluteLimit(AuthenticationProperties properties, DateTimeOffset now, TimeSpan limit) =>
        !properties.Items.TryGetValue(SignedInAtItem, out var text)
        || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > limit;

    internal TimeSpan AbsoluteLimit => session.Value.Absolute;

    // A PBKDF2 hash of a random password, computed once: the decoy for unknown accounts.
    private static readonly string DummyHash = new PasswordHasher<DeskUser>().HashPassword(new DeskUser(), Guid.NewGuid().ToString());
}

/// <summary>Session lifetimes. Idle: ends after this long without a request. Absolute: ends this long after sign-in.</summary>
public sealed class SessionOptions
{
    public TimeSpan Idle { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan Absolute { get; set; } = TimeSpan.FromHours(10);
}

/// <summary>Identity's sign-in manager, aware that a disabled account cannot sign in or keep a session.</summary>
public sealed class DeskSignInManager(UserManager<DeskUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<DeskUser> factory,
    IOptions<IdentityOptions> options, ILogger<SignInManager<DeskUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<DeskUser> confirmation)
    : SignInManager<DeskUser>(users, context, factory, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(DeskUser user) => !user.Disabled && await base.CanSignInAsync(user);

    public override async Task<DeskUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { Disabled: false } ? user : null;
    }
}
