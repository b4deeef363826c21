using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using RightsDesk.Data.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class SignInModel(DeskSignIn signIn, UserManager<DeskUser> users) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await signIn.SignInAsync(Email ?? "", Password ?? "", Code ?? "", ct);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                // Only local return addresses: an open redirect would make the sign-in page a phishing tool.
                var home = (await users.FindByEmailAsync(Email!.Trim()))?.Kind == AccountKind.Official ? "/portal" : "/desk";
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : home);
            case SignInOutcome.LockedOut:
                Message = "Too many failed attempts: this account is locked for a while. Ask an administrator if you need it sooner.";
                break;
            default:
                Message = "The email, password or code is not right.";
                break;
        }

        Password = "";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
