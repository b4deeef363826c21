using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Security;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Admin;

/// <summary>
/// API tokens: for a platform system (machine permissions only) or for a person (at most that person's permissions,
/// ending when they are disabled or lose the role). Creating one needs a fresh authenticator code; the secret is shown
/// once and never listed.
/// </summary>
[RequirePermission(Permission.TokenManage)]
public sealed class TokensModel(ApiTokenService tokens, DeskSignIn signIn, RightsDeskDbContext db) : PageModel
{
    public IReadOnlyList<ApiTokenRecord> Tokens { get; private set; } = [];
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();
    public string? Secret { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? kind, string? email, int days, string? code, CancellationToken ct)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            {
                throw new ArgumentException("Name what the token is for (up to 100 characters).");
            }

            if (!await signIn.StepUpAsync(User, code ?? "", "createToken", name.Trim(), ct))
            {
                throw new ArgumentException("The authenticator code is not right. Creating a token needs the current code from your app.");
            }

            var lifetime = TimeSpan.FromDays(days is >= 1 and <= 366 ? days : 0);
            var issued = kind == "person"
                ? await tokens.CreateForPersonAsync(name.Trim(), email ?? "", lifetime, User.Actor(), ct)
                : await tokens.CreateForMachineAsync(name.Trim(), lifetime, User.Actor(), ct);
            Secret = issued.Secret;
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

    private async Task Load(CancellationToken ct)
    {
        Tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.Name).Take(500).ToListAsync(ct);
        var ids = Tokens.Where(t => t.PersonId != null).Select(t => t.PersonId!).Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, ct);
    }
}
