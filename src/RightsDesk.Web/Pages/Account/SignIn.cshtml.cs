using System.Globalization;
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
        if (outcome is SignInOutcome.SignedIn or SignInOutcome.SignedInWithRecoveryCode)
        {
            // Only local return addresses: an open redirect would make the sign-in page a phishing tool.
            var home = (await users.FindByEmailAsync(Email!.Trim()))?.Kind switch { AccountKind.Official => "/portal", AccountKind.Partner => "/partner", _ => "/desk" };
            var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : home;
            // After a recovery code the person is told how many remain before going on.
            return outcome is SignInOutcome.SignedInWithRecoveryCode ? LocalRedirect("/account/recovered?returnUrl=" + Uri.EscapeDataString(next)) : LocalRedirect(next);
        }

        // A locked account gets the same words as a wrong password: anything else would tell a guesser that the
        // address has an account. The lockout is explained to everyone instead.
        var lockout = users.Options.Lockout;
        Message = string.Create(CultureInfo.InvariantCulture,
            $"The email, password or code is not right. After {lockout.MaxFailedAccessAttempts} failed attempts an account is locked for {(int)lockout.DefaultLockoutTimeSpan.TotalMinutes} minutes; ask an administrator if you need it sooner.");
        Password = "";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
