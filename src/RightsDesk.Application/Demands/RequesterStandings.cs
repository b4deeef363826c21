using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Assessment;
using RightsDesk.Data;
using RightsDesk.Data.Portal;

namespace RightsDesk.Application.Demands;

/// <summary>Turns the portal's record of the official who submitted a demand into what the assessment weighs.</summary>
public static class RequesterStandings
{
    public static async Task<RequesterStanding> ForAsync(RightsDeskDbContext db, string? requesterUserId, CancellationToken ct)
    {
        if (requesterUserId is null)
        {
            return RequesterStanding.Unknown;
        }

        var p = await db.Officials.AsNoTracking().Where(o => o.UserId == requesterUserId)
            .Select(o => new { o.Verification, o.VerifiedAt, o.Flag, o.FlaggedAt }).FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return new RequesterStanding(RequesterStatus.UnverifiedPortal);
        }

        // A flag outranks the verification: a verified account that sent a forgery is the attack, not a safeguard.
        return p.Flag switch
        {
            RequesterFlag.Forged => new RequesterStanding(RequesterStatus.FlaggedForged, Day(p.FlaggedAt)),
            RequesterFlag.Abusive => new RequesterStanding(RequesterStatus.FlaggedAbusive, Day(p.FlaggedAt)),
            _ when p.Verification is OfficialVerification.Verified => new RequesterStanding(RequesterStatus.VerifiedPortal, Day(p.VerifiedAt)),
            _ => new RequesterStanding(RequesterStatus.UnverifiedPortal),
        };
    }

    private static DateOnly? Day(DateTimeOffset? at) => at is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null;
}
