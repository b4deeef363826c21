using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Pushback;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Pushback;

/// <summary>
/// On the demand page: the legal challenges, advocacy and refusals that name this demand or concern its country's law,
/// so whoever decides knows the order may be contested. The desk-only summary stays on the record's own page.
/// </summary>
public sealed class DemandPushbackViewComponent(PushbackQueries queries) : ViewComponent
{
    public sealed record Model(Guid Demand, IReadOnlyList<PushbackView> Records, bool CanOpen);

    public async Task<IViewComponentResult> InvokeAsync(Guid demand, string country)
    {
        var records = await queries.ForDemandAsync(demand, country, HttpContext.RequestAborted);
        return View("/Pages/Desk/Pushback/_DemandPushback.cshtml", new Model(demand, records, UserClaimsPrincipal.Can(Permission.ImpactRead)));
    }
}
