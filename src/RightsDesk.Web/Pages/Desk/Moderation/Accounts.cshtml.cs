using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Moderation;

/// <summary>
/// Find an account's decision history. The account id is posted in the form body and answered with a redirect to
/// the history under the account's keyed index, so the id itself never appears in an address, a browser history or
/// an access log.
/// </summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class AccountsModel(AccountHistory history) : PageModel
{
    public const int MaxAccount = 500;

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? account)
    {
        var text = account?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxAccount)
        {
            Error = $"Type the account as the platform names it (a handle, an e-mail address, a profile URL; up to {MaxAccount} characters).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect("/desk/moderation/accounts/" + history.IndexOf(text));
    }
}
