using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RightsDesk.Web.Pages.Errors;

/// <summary>
/// What a person's browser shows when a page cannot be served: a page in words, never a ProblemDetails body (those
/// are for the API). A case the person may not see is "not found", the same as one that does not exist, so the page
/// says both. A server error carries the request's incident id, which the log line of that error carries too.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    [FromRoute] public int Code { get; set; }

    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string? Incident { get; private set; }
    public string? Home { get; private set; }

    public IActionResult OnGet() => Render();

    // Re-executed error pages keep the original method: a failed form post lands here as a POST.
    public IActionResult OnPost() => Render();

    private PageResult Render()
    {
        // A status this page was not reached for (someone typing /error/200) is answered as the 404 it is.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var code = reExecuted && Code is >= 400 and <= 599 ? Code : StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "";
        Home = original.StartsWith("/desk", StringComparison.Ordinal) ? "/desk" : original.StartsWith("/portal", StringComparison.Ordinal) ? "/portal" : "/";
        (Heading, Explanation) = code switch
        {
            404 => ("Not found", "There is no such page, or you are not cleared to see it. Check the address, or start again from the link below."),
            400 => ("The request could not be read", "Something in the address or the form could not be read. Go back and try again; nothing was changed."),
            405 => ("Not found", "There is no such page. Check the address, or start again from the link below."),
            413 => ("Too large", "What you sent is larger than this page accepts. Send a smaller file or less text."),
            429 => ("Too many requests", "Too many requests came from your address in a short time. Wait a minute, then try again."),
            >= 500 => ("Something went wrong", "The error has been logged, without the contents of any case. Try again in a moment; if it happens again, tell your administrator the incident id below."),
            _ => ("This could not be done", "Go back and try again, or start again from the link below."),
        };
        Incident = code >= 500 ? HttpContext.TraceIdentifier : null;
        ViewData["Title"] = Heading;
        return Page();
    }
}
