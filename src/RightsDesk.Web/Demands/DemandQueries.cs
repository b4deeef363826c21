using System.Security.Claims;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data.Demands;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Demands;

/// <summary>The list queries shared by the API and the desk, so both hide the same compartmented cases.</summary>
public static class DemandQueries
{
    /// <summary>Restricted cases drop out of every list unless the person is cleared for them or assigned.</summary>
    public static IQueryable<DemandRecord> Visible(IQueryable<DemandRecord> q, ClaimsPrincipal user)
    {
        if (user.Can(Permission.DemandReadRestricted))
        {
            return q;
        }

        var actor = user.Actor();
        return q.Where(d => !d.Restricted || d.AssignedTo == actor);
    }

    public static IQueryable<DemandRecord> Open(IQueryable<DemandRecord> q) =>
        q.Where(d => d.State != DemandState.Closed && d.State != DemandState.Fulfilled);
}
