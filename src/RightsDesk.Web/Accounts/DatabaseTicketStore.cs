using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Encryption;

namespace RightsDesk.Web.Accounts;

/// <summary>
/// The cookie handler's session store: the cookie names a session, the database holds it. Signing out deletes the row,
/// so a copied cookie stops working; every app node on the database sees the same sessions; disabling an account or
/// changing its role deletes its rows (<see cref="EndAllAsync"/>) on top of the security-stamp check. Expired rows are
/// removed whenever a new session starts.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, FieldCipher cipher, TimeProvider clock, IOptions<SessionOptions> session) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        await db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var row = new SessionRecord
        {
            Id = IdOf(key), CreatedAt = now,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A session needs an account id."),
        };
        Seal(row, ticket, now);
        db.Sessions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        var id = IdOf(key);
        var row = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        // A session signed out (or ended) meanwhile stays ended: renewal never brings a row back.
        if (row is not null)
        {
            Seal(row, ticket, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        var id = IdOf(key);
        var row = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (row is null || row.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        try
        {
            var bytes = cipher.DecryptBytes(cipher.Unwrap(row.WrappedKey), row.SealedTicket, Context(id));
            return TicketSerializer.Default.Deserialize(bytes);
        }
        catch (CryptographicException)
        {
            // Sealed under a key since retired: the person signs in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        var id = IdOf(key);
        await db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of the account at once, on every node.</summary>
    public static Task<int> EndAllAsync(RightsDeskDbContext db, string userId, CancellationToken ct) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    private void Seal(SessionRecord row, AuthenticationTicket ticket, DateTimeOffset now)
    {
        var (dek, wrapped) = cipher.NewDataKey();
        row.WrappedKey = wrapped;
        row.SealedTicket = cipher.EncryptBytes(dek, TicketSerializer.Default.Serialize(ticket), Context(row.Id));
        var expires = ticket.Properties.ExpiresUtc ?? now + session.Value.Idle;
        var absolute = DeskSignIn.SignedInAt(ticket.Properties) + session.Value.Absolute;
        row.ExpiresAt = absolute is { } end && end < expires ? end : expires;
    }

    private static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static SealingContext Context(string id) => SealingContext.Session(id);
}
