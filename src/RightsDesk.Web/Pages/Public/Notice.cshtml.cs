using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Core;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Web.Defenders;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.IllegalContentNotices;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The public notice form (DSA Art. 16): no account, no script, no cookie, so forged posts are refused by the same
/// same-origin check as the incident form (<see cref="IncidentGuard"/>, with counters of its own). The answer to the
/// post is the confirmation of receipt (Art. 16(4)) with the notice's reference, and it reads the same for every
/// notice: nothing on it depends on the registry or on a campaign flag.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class NoticeModel(PublicCatalogue catalogue, PolicyProvider policy, NoticeFormGuard guard, SubmitNotice submit)
    : PublicPageModel(catalogue, policy)
{
    public override string PagePath => "notice";

    public override string Title => T["notice.title"];

    public override string Description => T["notice.intro"];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Refusal { get; private set; }

    public NoticeReceipt? Received { get; private set; }

    public bool Mailed { get; private set; }

    public IFormCollection? Posted { get; private set; }

    public IActionResult OnGet(string? lang) => ChooseLanguage(lang) ?? Page();

    public async Task<IActionResult> OnPostAsync(string? lang, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } chosen)
        {
            return chosen;
        }

        switch (guard.Guard.Check(Request, counts: true))
        {
            case IncidentRefusal.CrossSite:
                Refusal = "notice.error.origin";
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            case IncidentRefusal.TooMany:
                Refusal = "notice.error.tooMany";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
        }

        Posted = Request.Form;
        var form = new NoticeForm(Posted["content"], Posted["explanation"], Posted["law"], Posted["name"], Posted["email"], Ticked("goodFaith"), Language.Code);
        try
        {
            var notice = IllegalContentNoticeReader.Read(form);
            Received = await submit.FromPublicAsync(notice, ct);
            Mailed = notice.HasContact;
        }
        catch (ValidationFailedException refused)
        {
            Errors = refused.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public string? Value(string field) => Posted?[field].ToString();

    public bool Ticked(string field) => Posted?[field].Any(v => v is "true" or "on") == true;

    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(e => e.Field == field).Select(e => T[e.Message]).Distinct();

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
