using System.Security.Claims;
using RightsDesk.Application.Demands;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Security;
using RightsDesk.Data.Demands;

namespace RightsDesk.Web.Security;

/// <summary>The kernel's compartment rule (<see cref="Compartments"/>) for the caller of a page or an endpoint.</summary>
public static class DemandAccess
{
    public static bool CanSee(ClaimsPrincipal user, DemandRecord demand) => Compartments.CanSee(user.ToViewer(), DemandQueries.Access(demand));

    public static bool CanSeeContents(ClaimsPrincipal user, DemandRecord demand) => Compartments.CanSeeContents(user.ToViewer(), DemandQueries.Access(demand));

    public static bool CanAct(ClaimsPrincipal user, DemandRecord demand, Permission permission) => Compartments.CanAct(user.ToViewer(), DemandQueries.Access(demand), permission);
}
