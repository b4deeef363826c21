using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Common;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.IllegalContentNotices;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.IllegalContentNotices;

/// <summary>An organisation entered in the registry, and the token it sends notices with (shown once).</summary>
public sealed record DesignatedFlagger(Guid Id, string Organisation, string Country, string Coordinator, Guid TokenId, string TokenPrefix, string Token);

/// <summary>
/// The registry of trusted flaggers (DSA Art. 22). A flagger is designated by a Digital Services Coordinator, not by
/// the platform, so the operator enters what the coordinator decided (organisation, member state, coordinator, day)
/// and RightsDesk issues the machine token the flagger sends notices with; the entry and the token are made in one
/// transaction. A notice sent with that token is a trusted flagger's notice and is handled first.
/// </summary>
public sealed class TrustedFlaggerRegistry(RightsDeskDbContext db, ApiTokenService tokens, LedgerWriter ledger, TimeProvider clock)
{
    public async Task<DesignatedFlagger> DesignateAsync(
        string organisation, string country, string coordinator, DateOnly designatedOn, TimeSpan lifetime, string actor, CancellationToken ct)
    {
        var org = (organisation ?? "").Trim();
        var dsc = (coordinator ?? "").Trim();
        var errors = new List<FieldError>();
        if (org.Length is 0 or > 200)
        {
            errors.Add(new FieldError("organisation", "The organisation's name, at most 200 characters."));
        }

        if (dsc.Length is 0 or > 200)
        {
            errors.Add(new FieldError("coordinator", "The Digital Services Coordinator that designated it, at most 200 characters."));
        }

        if (!CountryCode.TryParse((country ?? "").Trim(), out var code))
        {
            errors.Add(new FieldError("country", "The coordinator's member state, as an ISO 3166-1 alpha-2 code."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var issued = await tokens.CreateForTrustedFlaggerAsync("flagger:" + org, lifetime, actor, token =>
        {
            db.TrustedFlaggers.Add(new TrustedFlaggerRecord
            {
                Id = id, Organisation = org, Country = code.Value, Coordinator = dsc, DesignatedOn = designatedOn, TokenId = token.Id,
                CreatedAt = now, CreatedBy = actor,
            });
            ledger.Record(new TrustedFlaggerDesignated(code.Value, token.Prefix, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(org)))), actor, id.ToString());
        }, ct);
        return new DesignatedFlagger(id, org, code.Value, dsc, issued.Record.Id, issued.Record.Prefix, issued.Secret);
    }

    /// <summary>
    /// Ends a designation (the coordinator revoked it, DSA Art. 22(6)): the flagger's token is revoked in the same
    /// transaction as the ledgered revocation, so from then on its notices are refused at the door. False when there is
    /// no such flagger or it was already revoked.
    /// </summary>
    public async Task<bool> RevokeAsync(Guid id, string reason, string actor, CancellationToken ct)
    {
        var why = (reason ?? "").Trim();
        if (why.Length is < 3 or > 500)
        {
            throw new ValidationFailedException([new FieldError("reason", "Why the designation ended (the coordinator's decision), 3 to 500 characters.")]);
        }

        var flagger = await db.TrustedFlaggers.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        var token = flagger is null ? null : await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == flagger.TokenId, ct);
        if (flagger is null || token is null || token.RevokedAt is not null)
        {
            return false;
        }

        // Recorded first, saved by the token's revocation: one transaction for both.
        ledger.Record(new TrustedFlaggerRevoked(token.Prefix, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(why)))), actor, id.ToString());
        return await tokens.RevokeAsync(token.Id, actor, ct);
    }

    /// <summary>Whether the flagger's designation stands: its token is neither revoked nor expired.</summary>
    public async Task<IReadOnlySet<Guid>> StandingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var live = await (from f in db.TrustedFlaggers.AsNoTracking()
                          join t in db.ApiTokens.AsNoTracking() on f.TokenId equals t.Id
                          where t.RevokedAt == null
                          select new { f.Id, t.ExpiresAt }).ToListAsync(ct);
        // Expiry is compared here: DateTimeOffset does not compare on SQLite.
        return live.Where(x => x.ExpiresAt > now).Select(x => x.Id).ToHashSet();
    }

    /// <summary>The registry entry of the flagger whose token is <paramref name="tokenId"/>, or null.</summary>
    public Task<TrustedFlaggerRecord?> ByTokenAsync(string tokenId, CancellationToken ct) =>
        Guid.TryParse(tokenId, out var id)
            ? db.TrustedFlaggers.AsNoTracking().FirstOrDefaultAsync(f => f.TokenId == id, ct)
            : Task.FromResult<TrustedFlaggerRecord?>(null);

    public async Task<IReadOnlyList<TrustedFlaggerRecord>> ListAsync(CancellationToken ct) =>
        await db.TrustedFlaggers.AsNoTracking().OrderBy(f => f.Organisation).ToListAsync(ct);
}
