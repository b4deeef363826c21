using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RightsDesk.Core;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Portal;

namespace RightsDesk.Web.Pages.Portal;

/// <summary>
/// Registration for officials. Anonymous and rate limited like sign-in. The answer after a valid form is the same
/// whether or not the address already has an account; what happens next arrives in that mailbox.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountSetup.SignInRateLimit)]
public sealed class RegisterModel(OfficialRegistration registration) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? AuthorityName { get; set; }
    [BindProperty] public string? AuthorityType { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public FormErrors Errors { get; } = new();
    public bool Sent { get; private set; }
    public string? Closed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await registration.RegisterAsync(new RegistrationInput(Name, Title, AuthorityName, AuthorityType, Country, Email, Phone), Request, ct);
            Sent = true;
            return Page();
        }
        catch (ValidationFailedException e)
        {
            Errors.Add(e);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (PortalClosedException e)
        {
            Closed = e.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        return Page();
    }
}
