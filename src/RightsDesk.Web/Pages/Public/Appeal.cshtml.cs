using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Appeals;
using RightsDesk.Application.SecretCodes;
using RightsDesk.Core;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Moderation;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The public appeal page (DSA Art. 20): no account and no JavaScript. The appeal code is typed or pasted and only
/// ever posted in a form body, never put in a URL. With the code the user sees the decision, appeals it, and later
/// reads the outcome.
/// </summary>
public sealed class AppealModel(PublicCatalogue catalogue, PolicyProvider policy, AppealCodes codes, SubmitAppeal submit, AppealReview review, RightsDeskDbContext db, TimeProvider clock)
    : PublicPageModel(catalogue, policy)
{
    /// <summary>Who the ledger names for an appeal made on the public page: the appellant has no account.</summary>
    public static readonly Actor PublicActor = Actor.System("public-appeal");

    public override string PagePath => "appeal";

    public override string Title => T["appeal.title"];

    public override string Description => T.Text("appeal.intro", new Arg("operator", Operator));

    /// <summary>The code as typed, echoed back only inside the form body of this page.</summary>
    public string? Code { get; private set; }
    public string? CodeError { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public ModerationDecisionRecord? Decision { get; private set; }
    public AppealStatus? Status { get; private set; }
    public bool Sent { get; private set; }
    public bool WindowOpen { get; private set; }
    public DateOnly ClosesOn { get; private set; }
    public string? Statement { get; private set; }
    public string? NewInformation { get; private set; }
    public string? Contact { get; private set; }

    public IActionResult OnGet(string? lang) => ChooseLanguage(lang) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync(string? lang, string? code, CancellationToken ct) =>
        ChooseLanguage(lang) ?? await OpenAsync(code, ct) ?? Page();

    public async Task<IActionResult> OnPostSubmitAsync(string? lang, string? code, string? statement, string? newInformation, string? contact, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } chosen)
        {
            return chosen;
        }

        (Statement, NewInformation, Contact) = (statement, newInformation, contact);
        if (await OpenAsync(code, ct) is { } refused)
        {
            return refused;
        }

        if (Decision is null)
        {
            return Page();
        }

        try
        {
            await submit.ByDecisionAsync(Decision.Id, new AppealInput(statement, newInformation, Language.Code, contact), AppealChannel.Public, PublicActor, ct);
            Sent = true;
            Status = await review.StatusAsync(Decision.Id, ct);
        }
        catch (ValidationFailedException e)
        {
            Errors = e.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (Exception e) when (e is WorkflowException or Application.Common.ConflictException)
        {
            Status = await review.StatusAsync(Decision.Id, ct);
            WindowOpen = false;
        }

        return Page();
    }

    public static string MeasureOf(ModerationDecisionRecord d) => JsonNames.Of(d?.Rung ?? Rung.Remove);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    private async Task<IActionResult?> OpenAsync(string? code, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Code = code;
        var (check, decisionId) = await codes.OpenAsync(code ?? "", ct);
        if (check != SecretCodeCheck.Accepted || decisionId is not { } id)
        {
            CodeError = check == SecretCodeCheck.TryLater ? T["appeal.later"] : T["appeal.refused"];
            Response.StatusCode = check == SecretCodeCheck.TryLater ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
            return null;
        }

        Decision = await db.ModerationDecisions.FindAsync([id], ct);
        if (Decision is null)
        {
            CodeError = T["appeal.refused"];
            return null;
        }

        Status = await review.StatusAsync(id, ct);
        var ladder = Policy.Moderation;
        ClosesOn = ladder is null ? Decision.ApplicationDate : AppealRules.ClosesOn(Decision.ApplicationDate, ladder);
        WindowOpen = ladder is not null && Status is null && AppealRules.IsOpen(Decision.ApplicationDate, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ladder);
        return null;
    }
}
