using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core;
using RightsDesk.Core.Security;
using RightsDesk.Data.Portal;
using RightsDesk.Web.Portal;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Officials;

/// <summary>Registrations waiting for verification first; every official by status on request. Nothing personal in the list.</summary>
public sealed class IndexModel(OfficialReview review) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public OfficialVerification? Filter { get; private set; }
    public IReadOnlyList<OfficialRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool Forbidden { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.Can(Permission.DemandRead))
        {
            Forbidden = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Filter = Status switch
        {
            null or "" => OfficialVerification.Pending,
            "all" => null,
            _ when JsonNames.TryParse<OfficialVerification>(Status, out var s) => s,
            _ => OfficialVerification.Pending,
        };
        Rows = await review.ListAsync(Filter, 0, PageSize, ct);
        Total = await review.CountAsync(Filter, ct);
        return Page();
    }
}
