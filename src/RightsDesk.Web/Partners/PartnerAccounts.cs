using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Partners;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Partners;

namespace RightsDesk.Web.Partners;

/// <summary>Finds the partner behind a session or a person's token. Every partner page and the API start here, and
/// a partner only ever sees its own flags.</summary>
public sealed class PartnerAccounts(UserManager<DeskUser> users, RightsDeskDbContext db, PartnerFlags flags)
{
    public async Task<PartnerRecord?> CurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        // A session and a person's token both name the account as NameIdentifier; a machine's token names none.
        var id = users.GetUserId(principal);
        if (id is null || !await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.Kind == AccountKind.Partner && !u.Disabled, ct))
        {
            return null;
        }

        return await flags.PartnerOfAsync(id, ct);
    }
}
