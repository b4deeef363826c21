using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RightsDesk.Data.Accounts;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Portal;

namespace RightsDesk.Web.Pages.Account;

/// <summary>
/// Finishing an account from its one-time link. The secret travels in the query string, never the path: paths are in
/// every log scope and routing message, while the request line with its query is never logged (RightsDeskWeb). Pages
/// send no referrer, the form posts the secret back in its body, and it stops working once used or after 72 hours.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class EnrolModel(AccountService accounts, PlatformName platform) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")] public string Secret { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";
    [BindProperty] public string Code { get; set; } = "";
    public DeskUser? Account { get; private set; }
    public string FormattedSecret { get; private set; } = "";
    public string OtpAuthUri { get; private set; } = "";
    /// <summary>The QR code of <see cref="OtpAuthUri"/>, an inline SVG made on the server.</summary>
    public string QrSvg { get; private set; } = "";
    public string Platform => platform.Value;
    /// <summary>Shown once, right after enrolment; only their hashes are kept.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return Page();
        }

        if (!string.Equals(Password, Confirm, StringComparison.Ordinal))
        {
            Errors.Add("The two passwords are not the same.");
        }
        else
        {
            var (result, codes) = await accounts.CompleteEnrolmentWithRecoveryAsync(Account!, Password ?? "", Code ?? "", ct);
            if (result.Succeeded)
            {
                Done = true;
                RecoveryCodes = codes;
                // The codes are on this page only: no browser or proxy may keep a copy.
                Response.Headers.CacheControl = "no-store";
                return Page();
            }

            Errors.AddRange(result.Errors.Select(e => e.Description));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        Account = await accounts.FindByEnrolmentAsync(Secret ?? "", ct);
        if (Account is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var secret = await accounts.AuthenticatorSecretAsync(Account);
        FormattedSecret = EnrolmentQr.Grouped(secret);
        // The app lists the account under the platform's name, the name the official knows the portal by.
        OtpAuthUri = EnrolmentQr.OtpAuthUri(platform.Value, Account.Email ?? "", secret);
        QrSvg = EnrolmentQr.Svg(OtpAuthUri, $"QR code to add your {platform.Value} account to an authenticator app");
        return true;
    }
}
