using RightsDesk.Core.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Portal;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Officials;

/// <summary>
/// Releases a fulfilled demand's package to the requesting official through a time-limited portal link. The route
/// needs DemandFulfil: a staff role without it is sent to "access
/// denied" (403) before the case is looked up, rather than told "not found" by the object check.
/// </summary>
[RequirePermission(Permission.DemandFulfil)]
public sealed class ReleaseModel(DemandCases demands, PackageReleaseService releases, RightsDeskDbContext db) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public Guid PackageId { get; set; }
    [BindProperty] public int LifetimeDays { get; set; } = 7;

    public DemandRecord Record { get; private set; } = null!;
    public IReadOnlyList<PackageView> Packages { get; private set; } = [];
    public IReadOnlyList<ReleaseView> Releases { get; private set; } = [];
    public string? Refused { get; private set; }
    public bool Released { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        try
        {
            await releases.ReleaseAsync(Id, PackageId, User.Actor(), TimeSpan.FromDays(Math.Clamp(LifetimeDays, 1, 30)), ct);
            return Redirect($"/desk/demands/{Id}/release?released=1");
        }
        catch (WorkflowException e)
        {
            Refused = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var record = await demands.FindAsync(Id, ct);
        // Releasing hands data over: the same permission as fulfilling, on a case the person may see.
        if (record is null || !DemandAccess.CanAct(User, record, Permission.DemandFulfil))
        {
            return false;
        }

        Record = record;
        Released = Request.Query["released"] == "1";
        Packages = await db.DisclosurePackages.AsNoTracking().Where(p => p.DemandId == Id).OrderBy(p => p.CreatedAt)
            .Select(p => new PackageView(p.Id, p.DecisionId, p.CreatedAt, p.ItemCount, p.ManifestSha256)).ToListAsync(ct);
        Releases = await releases.ForDemandAsync(Id, null, ct);
        return true;
    }
}
