using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Web.Defenders;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The reporter's view of their incident, opened by the receipt code typed or pasted into a form: the code travels
/// in the body of a post, never in an address, and the page that shows the thread carries it on only in the
/// reply form's hidden field.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IncidentStatusModel(PublicCatalogue catalogue, PolicyProvider policy, IncidentGuard guard, IncidentReceipts receipts)
    : PublicPageModel(catalogue, policy)
{
    public override string PagePath => "incident/status";

    public override string Title => T["incident.status.title"];

    public override string Description => T["incident.status.intro"];

    public IncidentStatusView? View { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The code as typed, to carry in the reply form of this answer only.</summary>
    public string? Code { get; private set; }

    public IActionResult OnGet(string? lang) => ChooseLanguage(lang) ?? Page();

    public async Task<IActionResult> OnPostAsync(string? lang, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } chosen)
        {
            return chosen;
        }

        if (guard.Check(Request, counts: false) == IncidentRefusal.CrossSite)
        {
            Problem = "incident.error.origin";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var code = Request.Form["code"].ToString();
        var message = Request.Form["message"].ToString().Trim();
        if (message.Length > IncidentReceipts.MaxMessage)
        {
            Problem = "incident.error.message";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = message.Length > 0 ? await receipts.WriteAsync(code, message, ct) : await receipts.CheckAsync(code, ct);
        switch (result.Check)
        {
            case SecretCodeCheck.Accepted:
                View = result.View;
                Code = code;
                break;
            case SecretCodeCheck.TryLater:
                Problem = "incident.status.later";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            default:
                Problem = "incident.status.wrong";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }

        return Page();
    }

    public string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
