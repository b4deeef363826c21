using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Security;

namespace RightsDesk.Web.Security;



/// <summary>Creates, checks and revokes API tokens. A token is "rd_" + prefix + "_" + 32 random bytes (base64url).</summary>
public sealed class ApiTokenService(RightsDeskDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public sealed record IssuedToken(ApiTokenRecord Record, string Secret);

    /// <summary>A token for a platform system: machine permissions only (submit, follow what it submitted).</summary>
    public Task<IssuedToken> CreateForMachineAsync(string name, TimeSpan lifetime, string actor, CancellationToken ct) =>
        CreateAsync(name, Roles.Platform, TokenKind.Machine, null, lifetime, actor, ct);

    /// <summary>A machine token for a trusted flagger (only sends notices); <paramref name="alongside"/> adds the
    /// flagger's registry entry to the same unit of work, so there is never a flagger's token without its entry.</summary>
    public Task<IssuedToken> CreateForTrustedFlaggerAsync(string name, TimeSpan lifetime, string actor, Action<ApiTokenRecord> alongside, CancellationToken ct) =>
        CreateAsync(name, Roles.TrustedFlagger, TokenKind.Machine, null, lifetime, actor, ct, alongside);

    /// <summary>
    /// A token that acts for a person: it carries the person's role as it is now, never more than a token may
    /// (<see cref="Grants.NeverByToken"/>), and stops when the account is disabled or no longer holds that role.
    /// </summary>
    public async Task<IssuedToken> CreateForPersonAsync(string name, string email, TimeSpan lifetime, string actor, CancellationToken ct)
    {
        var normalised = email.Trim().ToUpperInvariant();
        var person = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalised && (u.Kind == Data.Accounts.AccountKind.Staff || u.Kind == Data.Accounts.AccountKind.Partner), ct)
            ?? throw new ArgumentException($"No staff or partner account has the address {email.Trim()}.");
        if (person.Disabled || person.EnrolledAt is null)
        {
            throw new ArgumentException("The account is disabled or has not finished enrolment; a token cannot act for it.");
        }

        var role = await StaffRoleAsync(person.Id, ct) ?? throw new ArgumentException("The account holds no staff role.");
        return await CreateAsync(name, role, TokenKind.Person, person.Id, lifetime, actor, ct);
    }

    private async Task<IssuedToken> CreateAsync(
        string name, string role, TokenKind kind, string? personId, TimeSpan lifetime, string actor, CancellationToken ct, Action<ApiTokenRecord>? alongside = null)
    {

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentException("A token lives between one day and a year; expiry forces tokens to be reviewed.");
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = $"rd_{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var now = clock.GetUtcNow();
        var record = new ApiTokenRecord
        {
            Id = Guid.CreateVersion7(now), Name = name, Role = role, Kind = kind, PersonId = personId, Prefix = prefix, SecretHash = Hash(secret),
            CreatedAt = now, CreatedBy = actor, ExpiresAt = now + lifetime,
        };
        db.ApiTokens.Add(record);
        ledger.Record(new ApiTokenCreated(name, role, prefix, kind == TokenKind.Person ? "person" : "machine"), actor, record.Id.ToString());
        alongside?.Invoke(record);
        await ledger.SaveAsync(ct);
        return new IssuedToken(record, secret);
    }

    public async Task<bool> RevokeAsync(Guid id, string actor, CancellationToken ct)
    {
        var record = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (record is null || record.RevokedAt is not null)
        {
            return false;
        }

        record.RevokedAt = clock.GetUtcNow();
        ledger.Record(new ApiTokenRevoked(record.Prefix), actor, id.ToString());
        await ledger.SaveAsync(ct);
        return true;
    }

    public sealed record Validated(ApiTokenRecord Token, string? PersonUserName);

    public async Task<Validated?> ValidateAsync(string secret, CancellationToken ct)
    {
        if (secret.Length is < 20 or > 200 || !secret.StartsWith("rd_", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(secret);
        var record = await db.ApiTokens.FirstOrDefaultAsync(t => t.SecretHash == hash, ct);
        var now = clock.GetUtcNow();
        if (record is null || record.RevokedAt is not null || record.ExpiresAt <= now)
        {
            return null;
        }

        string? userName = null;
        if (record.Kind == TokenKind.Person)
        {
            // A person's token lives only as long as the person keeps the account and the role it was made with.
            var person = await db.Users.AsNoTracking().Where(u => u.Id == record.PersonId).Select(u => new { u.UserName, u.Disabled }).FirstOrDefaultAsync(ct);
            if (person is null || person.Disabled || await StaffRoleAsync(record.PersonId!, ct) != record.Role)
            {
                return null;
            }

            userName = person.UserName;
        }

        // Last use is kept to the minute: enough to spot stale tokens without a write per request.
        if (record.LastUsedAt is null || now - record.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            record.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return new Validated(record, userName);
    }

    private Task<string?> StaffRoleAsync(string userId, CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).FirstOrDefaultAsync(ct);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Bearer-token authentication for the API: the token names the actor and its role.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Use 'Authorization: Bearer <token>'.");
        }

        var validated = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (validated is null)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked, or the person it acts for can no longer use it.");
        }

        var record = validated.Token;
        var identity = new ClaimsIdentity(
            record.Kind == TokenKind.Person
                ? [
                    new Claim(ClaimTypes.NameIdentifier, record.PersonId!),
                    new Claim(ClaimTypes.Name, validated.PersonUserName ?? record.PersonId!),
                    new Claim(ClaimTypes.Role, record.Role),
                    new Claim(Principals.TokenIdClaim, record.Id.ToString()),
                    new Claim(Principals.TokenKindClaim, Principals.PersonToken),
                ]
                : [
                    new Claim(ClaimTypes.Name, "token:" + record.Name),
                    new Claim(ClaimTypes.Role, record.Role),
                    new Claim(Principals.TokenIdClaim, record.Id.ToString()),
                    new Claim(Principals.TokenKindClaim, Principals.MachineToken),
                ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
