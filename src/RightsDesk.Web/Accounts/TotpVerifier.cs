using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// The one place an authenticator code is accepted: sign-in, step-up and enrolment all come here. A code is good once:
/// the step it belongs to must be later than the account's last accepted step, and taking it moves that step forward
/// in a single conditional UPDATE, so two requests racing with the same code cannot both win.
/// </summary>
public sealed class TotpVerifier(UserManager<DeskUser> users, RightsDeskDbContext db, TimeProvider clock)
{
    // A secret no account has: unknown accounts are checked against it, so they cost what a real check costs.
    private static readonly byte[] DecoyKey = RandomNumberGenerator.GetBytes(20);

    /// <summary>Whether the code is the account's current one and not used before; if so, it cannot be used again.</summary>
    public async Task<bool> VerifyAsync(DeskUser user, string code, CancellationToken ct)
    {
        var step = await MatchAsync(user, code);
        return step is not null && await ConsumeAsync(user, step.Value, ct);
    }

    /// <summary>
    /// The step the code belongs to if it is right and newer than the last accepted one; nothing is stored. Sign-in
    /// checks the code before it knows the password is right, and only a full success consumes the step.
    /// </summary>
    public async Task<long?> MatchAsync(DeskUser user, string code)
    {
        var secret = await users.GetAuthenticatorKeyAsync(user);
        var key = string.IsNullOrEmpty(secret) ? DecoyKey : TotpCodes.DecodeBase32(secret);
        var step = TotpCodes.Match(key, AccountService.NormaliseCode(code), TotpCodes.StepAt(clock.GetUtcNow()));
        return key == DecoyKey || step <= user.LastTotpStep ? null : step;
    }

    /// <summary>The same work as <see cref="MatchAsync"/> for an account that does not exist; always null.</summary>
    public static long? MatchDecoy(string code, DateTimeOffset now)
    {
        _ = TotpCodes.Match(DecoyKey, AccountService.NormaliseCode(code), TotpCodes.StepAt(now));
        return null;
    }

    /// <summary>Records the step as used, unless another request used it (or a later one) first.</summary>
    public async Task<bool> ConsumeAsync(DeskUser user, long step, CancellationToken ct)
    {
        var taken = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, step), ct);
        if (taken == 0)
        {
            return false;
        }

        // The tracked copy must agree with the row, or Identity's next save of it would fail its concurrency check.
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            entry.Property(u => u.LastTotpStep).OriginalValue = step;
        }

        user.LastTotpStep = step;
        return true;
    }
}
