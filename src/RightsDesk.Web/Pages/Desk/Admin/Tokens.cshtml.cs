using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Data;
using RightsDesk.Data.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Admin;

/// <summary>API tokens for the platform's systems: created here, shown once, revocable; never listed with their secret.</summary>
[Authorize(Policy = "perm:TokenManage")]
public sealed class TokensModel(ApiTokenService tokens, RightsDeskDbContext db) : PageModel
{
    public IReadOnlyList<ApiTokenRecord> Tokens { get; private set; } = [];
    public string? Secret { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? role, int days, CancellationToken ct)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            {
                throw new ArgumentException("Name the system the token is for (up to 100 characters).");
            }

            Secret = (await tokens.CreateAsync(name.Trim(), role ?? "", TimeSpan.FromDays(days is >= 1 and <= 366 ? days : 0), User.Actor(), ct)).Secret;
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await tokens.RevokeAsync(id, User.Actor(), ct);
        return RedirectToPage();
    }

    private async Task Load(CancellationToken ct) =>
        Tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.Name).Take(500).ToListAsync(ct);
}
