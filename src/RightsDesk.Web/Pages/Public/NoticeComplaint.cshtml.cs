using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// A notifier's complaint about the decision on their notice (DSA Art. 20(1)): no account and no JavaScript. The
/// complaint code from the decision's mail is typed or pasted and only ever posted in a form body, never put in a URL.
/// With it the notifier sees the decision, complains once about it, and later reads the outcome.
/// </summary>
public sealed class NoticeComplaintModel(PublicCatalogue catalogue, PolicyProvider policy, NoticeComplaints complaints) : PublicPageModel(catalogue, policy)
{
    public override string PagePath => "notice/complaint";

    public override string Title => T["complaint.title"];

    public override string Description => T["complaint.intro"];

    /// <summary>The code as typed, echoed back only inside the form body of this page.</summary>
    public string? Code { get; private set; }
    public string? CodeError { get; private set; }
    public string? TextError { get; private set; }
    public string? Refusal { get; private set; }
    public NoticeComplaintView? View { get; private set; }
    public bool Sent { get; private set; }
    public string? Text { get; private set; }

    public IActionResult OnGet(string? lang) => ChooseLanguage(lang) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync(string? lang, string? code, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } chosen)
        {
            return chosen;
        }

        await OpenAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(string? lang, string? code, string? text, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } chosen)
        {
            return chosen;
        }

        Text = text;
        if (!await OpenAsync(code, ct) || View is null)
        {
            return Page();
        }

        try
        {
            await complaints.SubmitAsync(View.NoticeId, text, ct);
            Sent = true;
            Text = null;
            // Shown from the notice the code just opened: opening it again would spend another of the code's attempts.
            View = await complaints.ViewAsync(View.NoticeId, ct);
        }
        catch (ValidationFailedException)
        {
            TextError = T["complaint.error.text"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (WorkflowException)
        {
            Refusal = T["complaint.closed"];
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> OpenAsync(string? code, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Code = code;
        var (check, view) = await complaints.OpenAsync(code ?? "", ct);
        if (check != SecretCodeCheck.Accepted || view is null)
        {
            CodeError = check == SecretCodeCheck.TryLater ? T["complaint.later"] : T["complaint.refused"];
            Response.StatusCode = check == SecretCodeCheck.TryLater ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
            View = null;
            return false;
        }

        View = view;
        return true;
    }
}
