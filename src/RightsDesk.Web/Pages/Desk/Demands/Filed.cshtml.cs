using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Demands;

/// <summary>
/// Where a case stands, for the person who filed it and may not open it (<see cref="Core.Cases.Compartments.FiledOutOfSight"/>).
/// It shows only what the filer already knows and the step it is at: every case they file looks the same here, so
/// the page cannot tell them whom the at-risk registry protects.
/// </summary>
[RequirePermission(Permission.DemandCreate)]
public sealed class FiledModel(DemandCommands demands) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public DemandStatusView Status { get; private set; } = null!;
    public string? Reference { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var record = await demands.Cases.FindAsync(Id, ct);
        if (record is null || !DemandAccess.CanSee(User, record))
        {
            return NotFound();
        }

        Status = new DemandStatusView(record.Id, record.State, record.ReceivedAt, record.UpdatedAt);
        Reference = record.Reference;
        return Page();
    }
}
