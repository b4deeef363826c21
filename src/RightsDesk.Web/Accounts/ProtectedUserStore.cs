using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// Identity's store, with the TOTP shared secret sealed like case data: a stolen database must not let anyone mint
/// second-factor codes. Stored as "sealed:" + base64(wrapped data key length, wrapped data key, sealed secret).
/// </summary>
public sealed class ProtectedUserStore(RightsDeskDbContext db, FieldCipher cipher, IdentityErrorDescriber? describer = null)
    : UserStore<DeskUser, IdentityRole, RightsDeskDbContext>(db, describer)
{
    private const string Prefix = "sealed:";

    public override Task SetAuthenticatorKeyAsync(DeskUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, Seal(cipher, user.Id, key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(DeskUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        return stored is null ? null : Open(cipher, user.Id, stored);
    }

    internal static string Seal(FieldCipher cipher, string userId, string secret)
    {
        var (dek, wrapped) = cipher.NewDataKey();
        var sealedSecret = cipher.Encrypt(dek, secret, SealContext(userId));
        var blob = new byte[2 + wrapped.Length + sealedSecret.Length];
        blob[0] = (byte)(wrapped.Length >> 8);
        blob[1] = (byte)wrapped.Length;
        wrapped.CopyTo(blob, 2);
        sealedSecret.CopyTo(blob, 2 + wrapped.Length);
        return Prefix + Convert.ToBase64String(blob);
    }

    internal static string Open(FieldCipher cipher, string userId, string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("The authenticator secret is not sealed; refusing to use a clear-text secret.");
        }

        var blob = Convert.FromBase64String(stored[Prefix.Length..]);
        var length = (blob[0] << 8) | blob[1];
        var dek = cipher.Unwrap(blob.AsSpan(2, length).ToArray());
        return cipher.Decrypt(dek, blob.AsSpan(2 + length).ToArray(), SealContext(userId));
    }

    /// <summary>Re-wraps the data key under the current key encryption key (for `rightsdesk keys rotate`).</summary>
    public static string Rewrap(FieldCipher cipher, string stored)
    {
        var blob = Convert.FromBase64String(stored[Prefix.Length..]);
        var length = (blob[0] << 8) | blob[1];
        var rewrapped = cipher.Wrap(cipher.Unwrap(blob.AsSpan(2, length).ToArray()));
        var sealedSecret = blob.AsSpan(2 + length).ToArray();
        var result = new byte[2 + rewrapped.Length + sealedSecret.Length];
        result[0] = (byte)(rewrapped.Length >> 8);
        result[1] = (byte)rewrapped.Length;
        rewrapped.CopyTo(result, 2);
        sealedSecret.CopyTo(result, 2 + rewrapped.Length);
        return Prefix + Convert.ToBase64String(result);
    }

    /// <summary>The id of the key encryption key a stored secret is wrapped under.</summary>
    public static string WrappedUnder(string stored)
    {
        var blob = Convert.FromBase64String(stored[Prefix.Length..]);
        var length = (blob[0] << 8) | blob[1];
        return FieldCipher.WrappedUnder(blob.AsSpan(2, length).ToArray());
    }

    private static string SealContext(string userId) => "AspNetUserTokens.AuthenticatorKey:" + userId;
}
