using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RightsDesk.Core;
using RightsDesk.Web.Accounts;
using RightsDesk.Web.Forms;
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
    private static readonly FormShape Shape = FormShape.Of();

    /// <summary>The form, fields named by JSON path (name, authorityType…); blank until posted, then as typed.</summary>
    public PostedForm Form { get; private set; } = PostedForm.Blank(Shape);
    public bool Sent { get; private set; }
    public string? Closed { get; private set; }
    public RegistrationThrottledException? Throttled { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var f = Form = PostedForm.From(await Request.ReadFormAsync(ct), Shape);
        try
        {
            await registration.RegisterAsync(new RegistrationInput(f.Value("name"), f.Value("title"), f.Value("authorityName"),
                f.Value("authorityType"), f.Value("country"), f.Value("email"), f.Value("phone")), Request, ct);
            Sent = true;
            return Page();
        }
        catch (ValidationFailedException e)
        {
            f.Add(e);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (RegistrationThrottledException e)
        {
            Throttled = e;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        catch (PortalClosedException e)
        {
            Closed = e.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        return Page();
    }
}
