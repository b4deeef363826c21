using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core;
using RightsDesk.Core.Security;
using RightsDesk.Application.Defenders;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.AtRisk;

/// <summary>
/// The at-risk registry: journalists, defenders and others whose accounts get extra protection. Only the roles
/// cleared for it see this page; opening the list is itself a ledger event.
/// </summary>
[RequirePermission(Permission.AtRiskRead)]
public sealed class IndexModel(AtRiskRegistry registry) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public int Skip { get; set; }
    public IReadOnlyList<AtRiskView> Entries { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Skip = Math.Clamp(Skip, 0, 1_000_000);
        Entries = await registry.ListAsync(User.Actor(), Skip, PageSize, ct);
    }

    public async Task<IActionResult> OnPostAddAsync(string? identifier, string? category, string? note, CancellationToken ct)
    {
        if (!User.Can(Permission.AtRiskManage))
        {
            return Forbid();
        }

        try
        {
            if (string.IsNullOrWhiteSpace(identifier) || identifier.Length > 300 || (note?.Length ?? 0) > 2000 || !Core.Defenders.AtRiskCategories.All.Contains(category ?? ""))
            {
                throw new ValidationFailedException([new FieldError("identifier", "Give the account identifier (up to 300 characters), one of the listed categories, and a note of up to 2,000 characters if any.")]);
            }

            await registry.AddAsync(identifier.Trim(), category ?? "", string.IsNullOrWhiteSpace(note) ? null : note, User.Actor(), ct);
        }
        catch (ValidationFailedException ex)
        {
            Error = string.Join(" ", ex.Errors.Select(e => e.Message));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Entries = await registry.ListAsync(User.Actor(), 0, PageSize, ct);
            return Page();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permission.AtRiskManage))
        {
            return Forbid();
        }

        await registry.RemoveAsync(id, User.Actor(), ct);
        return RedirectToPage();
    }
}
