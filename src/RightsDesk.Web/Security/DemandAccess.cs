using System.Security.Claims;
using RightsDesk.Core.Security;
using RightsDesk.Data.Demands;

namespace RightsDesk.Web.Security;

/// <summary>
/// Object-level authorisation for demands: the route's permission is necessary, never sufficient. A restricted
/// (compartmented) case is visible only to its assignee and to roles cleared for restricted cases; a platform
/// token sees only the demands it submitted. Every denial looks like "not found", so existence does not leak.
/// </summary>
public static class DemandAccess
{
    /// <summary>Whether the user may know the demand exists and where it stands.</summary>
    public static bool CanSee(ClaimsPrincipal user, DemandRecord demand) =>
        CanSeeContents(user, demand)
        // Submitters follow their own demands' status, not their contents (a compartmented case included).
        || (user.Can(Permission.DemandCreate) && string.Equals(demand.CreatedBy, user.Actor(), StringComparison.Ordinal));

    /// <summary>Whether the user may see the case's contents (targets, reasons, assessment).</summary>
    public static bool CanSeeContents(ClaimsPrincipal user, DemandRecord demand) =>
        user.Can(Permission.DemandRead)
        && (!demand.Restricted || user.Can(Permission.DemandReadRestricted) || string.Equals(demand.AssignedTo, user.Actor(), StringComparison.Ordinal));

    public static bool CanAct(ClaimsPrincipal user, DemandRecord demand, Permission permission) => user.Can(permission) && CanSeeContents(user, demand);
}
