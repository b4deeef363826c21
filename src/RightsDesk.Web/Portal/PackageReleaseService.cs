using RightsDesk.Core.Cases;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Portal;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Demands;

namespace RightsDesk.Web.Portal;

/// <summary>A release as the requesting official (or staff) sees it. <see cref="Link"/> is the portal-relative download path.</summary>
public sealed record ReleaseView(Guid Id, Guid PackageId, DateTimeOffset ReleasedAt, DateTimeOffset ExpiresAt, int Downloads, DateTimeOffset? LastDownloadAt, bool Expired, string Link);

public abstract record DownloadResult
{
    public sealed record NotFound : DownloadResult;

    public sealed record Expired(DateTimeOffset At) : DownloadResult;

    public sealed record File(string FileName, byte[] Content) : DownloadResult;
}

/// <summary>
/// Hands a fulfilled demand's disclosure package to the official who asked for it, through a time-limited link in the
/// portal. The link's secret is derived with the key ring's index key from the release's id, so the database holds
/// only its hash and a copy of the database cannot mint links, while the portal can still show the link to the one
/// official it is for. A download needs that official signed in, before expiry; every download is a ledger event.
/// </summary>
public sealed class PackageReleaseService(RightsDeskDbContext db, FieldCipher cipher, LedgerWriter ledger, PortalOptions options, TimeProvider clock)
{
    public static readonly TimeSpan MinLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    public async Task<PackageReleaseRecord> ReleaseAsync(Guid demandId, Guid packageId, string actor, TimeSpan? lifetime, CancellationToken ct)
    {
        var life = lifetime ?? options.ReleaseLifetime;
        if (life < MinLifetime || life > MaxLifetime)
        {
            throw new WorkflowException($"A download link lasts between {MinLifetime.TotalHours:0} hour and {MaxLifetime.TotalDays:0} days.");
        }

        var demand = await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == demandId, ct) ?? throw new WorkflowException("There is no such demand.");
        if (demand.RequesterUserId is not { } official)
        {
            throw new WorkflowException("This demand did not come through the authority portal; send the package through the channel the demand came by.");
        }

        if (!await db.DisclosurePackages.AnyAsync(p => p.Id == packageId && p.DemandId == demandId, ct))
        {
            throw new WorkflowException("That package does not belong to this demand.");
        }

        var profile = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.UserId == official, ct);
        if (profile is not { Verification: OfficialVerification.Verified } || profile.Flag is RequesterFlag.Forged)
        {
            throw new WorkflowException("The requesting official's account is not verified (or is flagged for a forged demand); nothing is released to it.");
        }

        var now = clock.GetUtcNow();
        var release = new PackageReleaseRecord
        {
            Id = Guid.CreateVersion7(now), DemandId = demandId, PackageId = packageId, OfficialUserId = official,
            ReleasedBy = actor, ReleasedAt = now, ExpiresAt = now + life,
        };
        release.SecretHash = AccountService.Hash(Secret(release.Id));
        db.PackageReleases.Add(release);
        ledger.Record(new PackageReleased(release.Id, packageId, official, release.ExpiresAt), actor, demandId.ToString());
        await ledger.SaveAsync(ct);
        return release;
    }

    /// <summary>The releases of a demand made to the given official (the portal), or to anyone (staff, with null).</summary>
    public async Task<IReadOnlyList<ReleaseView>> ForDemandAsync(Guid demandId, string? officialUserId, CancellationToken ct)
    {
        var q = db.PackageReleases.AsNoTracking().Where(r => r.DemandId == demandId);
        if (officialUserId is not null)
        {
            q = q.Where(r => r.OfficialUserId == officialUserId);
        }

        var now = clock.GetUtcNow();
        var rows = await q.OrderBy(r => r.ReleasedAt).ToListAsync(ct);
        return rows.Select(r => new ReleaseView(r.Id, r.PackageId, r.ReleasedAt, r.ExpiresAt, r.Downloads, r.LastDownloadAt, r.ExpiresAt <= now,
            "/portal/downloads/" + Secret(r.Id))).ToList();
    }

    /// <summary>The package, if the secret is a live link released to this official; every download is recorded.</summary>
    public async Task<DownloadResult> DownloadAsync(string? secret, string officialUserId, string actor, CancellationToken ct)
    {
        if (secret is not { Length: 64 } || !secret.All(char.IsAsciiHexDigitLower))
        {
            return new DownloadResult.NotFound();
        }

        var hash = AccountService.Hash(secret);
        var release = await db.PackageReleases.FirstOrDefaultAsync(r => r.SecretHash == hash, ct);
        // Someone else's link answers exactly like a link that does not exist.
        if (release is null || !string.Equals(release.OfficialUserId, officialUserId, StringComparison.Ordinal))
        {
            return new DownloadResult.NotFound();
        }

        var now = clock.GetUtcNow();
        if (release.ExpiresAt <= now)
        {
            return new DownloadResult.Expired(release.ExpiresAt);
        }

        var profile = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.UserId == officialUserId, ct);
        var demand = await db.Demands.AsNoTracking().FirstOrDefaultAsync(d => d.Id == release.DemandId, ct);
        var package = await db.DisclosurePackages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == release.PackageId && p.DemandId == release.DemandId, ct);
        if (profile is not { Verification: OfficialVerification.Verified } || profile.Flag is RequesterFlag.Forged || demand is null || package is null)
        {
            return new DownloadResult.NotFound();
        }

        var json = cipher.Decrypt(cipher.Unwrap(demand.WrappedKey), package.SealedPackage, DemandSealing.Context(package.Id, "package"));
        release.Downloads++;
        release.LastDownloadAt = now;
        ledger.Record(new PackageDownloaded(release.Id, package.Id, release.Downloads), actor, demand.Id.ToString());
        await ledger.SaveAsync(ct);
        return new DownloadResult.File($"disclosure-{demand.Id.ToString("N")[..8]}-{package.Id.ToString("N")[..8]}.json", Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The link's secret: 256 bits, keyed with the index key, so only the hash needs storing.</summary>
    private string Secret(Guid releaseId) => cipher.BlindIndex("packageRelease", releaseId.ToString("N"));
}
