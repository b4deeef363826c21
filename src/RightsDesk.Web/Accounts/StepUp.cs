using Microsoft.AspNetCore.Identity;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Ledger;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// Step-up: the person proves again, with a fresh authenticator code, that it is them at the keyboard, right before
/// an act that cannot be undone (approving a disclosure). The desk's approve form and the API's X-Step-Up-Code header
/// both come here. The code must be newer than any accepted before, the one used to sign in included; a wrong code
/// counts towards the lockout.
/// </summary>
public sealed class StepUp(UserManager<DeskUser> users, TotpVerifier totp, LedgerWriter ledger)
{
    /// <summary>
    /// Checks the code for the account and, if it is good, records <see cref="StepUpVerified"/> with
    /// the purpose (e.g. "approve") against the subject (e.g. the demand id). False for an unknown, disabled or locked
    /// account, or a wrong, old or reused code.
    /// </summary>
    public async Task<bool> VerifyAsync(string accountId, string code, string purpose, string subject, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(accountId);
        if (user is null || user.Disabled || !user.TwoFactorEnabled || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!await totp.VerifyAsync(user, code, ct))
        {
            await users.AccessFailedAsync(user);
            return false;
        }

        ledger.Record(new StepUpVerified(purpose), user.UserName!, subject);
        await ledger.SaveAsync(ct);
        return true;
    }
}
