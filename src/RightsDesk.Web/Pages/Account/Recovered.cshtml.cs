using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Data.Accounts;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Portal;

namespace RightsDesk.Web.Pages.Account;

/// <summary>Where sign-in with a recovery code lands: how many codes remain, and how to get the authenticator back.</summary>
public sealed class RecoveredModel(RecoveryCodes recovery, UserManager<DeskUser> users, PlatformName platform) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public int Remaining { get; private set; }
    public string Platform => platform.Value;
    public string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } id)
        {
            return Challenge();
        }

        Remaining = await recovery.RemainingAsync(id, ct);
        return Page();
    }
}
