using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Security;

namespace RightsDesk.Web.Security;

public sealed record IssuedToken(ApiTokenRecord Record, string Secret);

/// <summary>Creates, checks and revokes API tokens. A token is "rd_" + prefix + "_" + 32 random bytes (base64url).</summary>
public sealed class ApiTokenService(RightsDeskDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public async Task<IssuedToken> CreateAsync(string name, string role, TimeSpan lifetime, string actor, CancellationToken ct)
    {
        if (!Roles.TokenRoles.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; one of: {string.Join(", ", Roles.TokenRoles)}.");
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentException("A token lives between one day and a year; expiry forces tokens to be reviewed.");
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = $"rd_{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var now = clock.GetUtcNow();
        var record = new ApiTokenRecord
        {
            Id = Guid.CreateVersion7(now), Name = name, Role = role, Prefix = prefix, SecretHash = Hash(secret),
            CreatedAt = now, CreatedBy = actor, ExpiresAt = now + lifetime,
        };
        db.ApiTokens.Add(record);
        ledger.Record(LedgerEventCode.ApiTokenCreated, actor, record.Id.ToString(), new Dictionary<string, string?> { ["name"] = name, ["role"] = role, ["prefix"] = prefix });
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
        ledger.Record(LedgerEventCode.ApiTokenRevoked, actor, id.ToString(), new Dictionary<string, string?> { ["prefix"] = record.Prefix });
        await ledger.SaveAsync(ct);
        return true;
    }

    public async Task<ApiTokenRecord?> ValidateAsync(string secret, CancellationToken ct)
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

        // Last use is kept to the minute: enough to spot stale tokens without a write per request.
        if (record.LastUsedAt is null || now - record.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            record.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return record;
    }

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

        var record = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (record is null)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "token:" + record.Name),
            new Claim(ClaimTypes.Role, record.Role),
            new Claim("token_id", record.Id.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

public static class PrincipalExtensions
{
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? throw new InvalidOperationException("No authenticated actor.");

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    public static bool Can(this ClaimsPrincipal user, Permission permission) => Roles.Has(user.Role(), permission);
}
