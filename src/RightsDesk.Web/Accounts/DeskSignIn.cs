using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Web.Accounts;

public enum SignInOutcome { SignedIn, SignedInWithRecoveryCode, Refused, LockedOut }

/// <summary>
/// Sign-in is one step with three proofs: email, password and the current authenticator code. Any failure gives the
/// same answer and counts towards the lockout. An unknown, disabled, unfinished or locked account costs the same work
/// as a real one (a password hash at the real cost and a full TOTP check), so neither the answer nor its time tells
/// an attacker which part was wrong or whether the account exists.
/// </summary>
public sealed class DeskSignIn(SignInManager<DeskUser> signIn, UserManager<DeskUser> users, TotpVerifier totp, StepUp stepUp,
    RecoveryCodes recovery, LedgerWriter ledger, TimeProvider clock, IOptions<SessionOptions> session)
{
    public const string SignedInAtItem = "rd.signedInAt";

    public async Task<SignInOutcome> SignInAsync(string email, string password, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var found = email.Length is > 0 and <= 254 ? await users.FindByEmailAsync(email.Trim()) : null;
        var user = found is { Disabled: false, EnrolledAt: not null, TwoFactorEnabled: true, PasswordHash: not null } ? found : null;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash(users.PasswordHasher), password);
            if (RecoveryCodes.LooksLikeOne(code))
            {
                await recovery.MatchAsync(null, code, ct);
            }
            else
            {
                TotpVerifier.MatchDecoy(code, now);
            }

            return SignInOutcome.Refused;
        }

        // Both proofs are checked before the lockout is looked at, so a locked account takes as long as any other.
        // A recovery code (words) stands in for the authenticator code (digits); it is checked at the same point.
        var passwordOk = await users.CheckPasswordAsync(user, password);
        var withRecovery = RecoveryCodes.LooksLikeOne(code);
        var step = withRecovery ? null : await totp.MatchAsync(user, code);
        var recoveryCode = withRecovery ? await recovery.MatchAsync(user, code, ct) : null;
        if (await users.IsLockedOutAsync(user))
        {
            return SignInOutcome.LockedOut;
        }

        // The code is consumed only once the password is known to be right: a guesser cannot burn a person's codes.
        var codeOk = passwordOk && (withRecovery
            ? recoveryCode is { } id && await recovery.UseAsync(user, id, ct) is not null
            : step is not null && await totp.ConsumeAsync(user, step.Value, ct));
        if (!codeOk)
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                ledger.Record(new SignInLockedOut(), LedgerWriter.AnonymousActor, user.Id);
                await ledger.SaveAsync(ct);
                return SignInOutcome.LockedOut;
            }

            return SignInOutcome.Refused;
        }

        await users.ResetAccessFailedCountAsync(user);
        user.LastSignInAt = now;
        await users.UpdateAsync(user);
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[SignedInAtItem] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await signIn.SignInWithClaimsAsync(user, properties, [new Claim("amr", "pwd"), new Claim("amr", withRecovery ? "rc" : "otp")]);
        ledger.Record(new SignedIn(), user.UserName!, user.Id);
        await ledger.SaveAsync(ct);
        return withRecovery ? SignInOutcome.SignedInWithRecoveryCode : SignInOutcome.SignedIn;
    }

    /// <summary>Step-up for the person signed in to this page session (see <see cref="StepUp"/>).</summary>
    public Task<bool> StepUpAsync(ClaimsPrincipal principal, string code, string purpose, string subject, CancellationToken ct) =>
        users.GetUserId(principal) is { } id ? stepUp.VerifyAsync(id, code, purpose, subject, ct) : Task.FromResult(false);

    /// <summary>Ends the session on the server (the stored ticket is deleted) and drops the cookie.</summary>
    public Task SignOutAsync() => signIn.SignOutAsync();

    /// <summary>Whether a session signed in at the recorded time has passed its absolute lifetime.</summary>
    public static bool PastAbsoluteLimit(AuthenticationProperties properties, DateTimeOffset now, TimeSpan limit) =>
        SignedInAt(properties) is not { } at || now - at > limit;

    /// <summary>When the session was signed in, as recorded in its ticket.</summary>
    public static DateTimeOffset? SignedInAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtItem, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    internal TimeSpan AbsoluteLimit => session.Value.Absolute;

    private static readonly DeskUser Decoy = new();
    private static string? decoyHash;

    // A hash of a random password made by the configured hasher, so checking against it costs the real iterations.
    private static string DecoyHash(IPasswordHasher<DeskUser> hasher) =>
        decoyHash ??= hasher.HashPassword(Decoy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
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
