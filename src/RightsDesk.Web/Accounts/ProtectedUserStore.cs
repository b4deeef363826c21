using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// Identity's store, with the TOTP shared secret sealed like case data: a stolen database must not let anyone mint
/// second-factor codes. Stored in the form of <see cref="SealedSecret"/>; `rightsdesk keys rotate` re-wraps it with the other data keys.
/// </summary>
public sealed class ProtectedUserStore(RightsDeskDbContext db, FieldCipher cipher, IdentityErrorDescriber? describer = null)
    : UserStore<DeskUser, IdentityRole, RightsDeskDbContext>(db, describer)
{
    public override Task SetAuthenticatorKeyAsync(DeskUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, Seal(cipher, user.Id, key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(DeskUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        return stored is null ? null : Open(cipher, user.Id, stored);
    }

    internal static string Seal(FieldCipher cipher, string userId, string secret) => SealedSecret.Seal(cipher, secret, SealContext(userId));

    internal static string Open(FieldCipher cipher, string userId, string stored) => SealedSecret.Open(cipher, stored, SealContext(userId));

    private static SealingContext SealContext(string userId) => SealingContext.Authenticator(userId);
}
