using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Portal;

namespace RightsDesk.Web.Portal;

/// <summary>The signed-in official and their profile.</summary>
public sealed record PortalOfficial(DeskUser User, OfficialProfile Profile)
{
    /// <summary>Only a verified account submits; registration and a proven mailbox are not enough.</summary>
    public bool CanSubmit => Profile.Verification is OfficialVerification.Verified && !User.Disabled;
}

/// <summary>Looks up the official behind a portal session. Every portal page starts here, and every object is then checked against it.</summary>
public sealed class PortalAccounts(UserManager<DeskUser> users, RightsDeskDbContext db)
{
    public async Task<PortalOfficial?> CurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var id = users.GetUserId(principal);
        if (id is null)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.Kind == AccountKind.Official, ct);
        var profile = user is null ? null : await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.UserId == id, ct);
        return user is null || profile is null ? null : new PortalOfficial(user, profile);
    }
}
