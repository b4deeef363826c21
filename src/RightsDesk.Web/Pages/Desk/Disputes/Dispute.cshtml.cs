using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Disputes;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Disputes;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Disputes;

/// <summary>One out-of-court dispute referral: the body, the dates, and the form for the body's outcome (a reversal
/// lifts the restriction). Reading it opens the body's sealed reasons, so it is ledgered.</summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class DisputeModel(DisputeReferrals referrals) : PageModel
{
    private static readonly FormShape Shape = FormShape.Of();

    public DisputeView View { get; private set; } = null!;
    public PostedForm Form { get; private set; } = PostedForm.Blank(Shape);
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public bool CanRecord => User.Can(Permission.ModerationReview);

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done is "referred" or "decided" ? done : null;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct)
    {
        if (!CanRecord)
        {
            return Forbid();
        }

        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), Shape);
        var errors = new List<FieldError>();
        if (!JsonNames.TryParse<DisputeOutcome>(form.Value("outcome"), out var outcome))
        {
            errors.Add(new FieldError("outcome", "Choose what the body decided."));
        }

        if (!DateOnly.TryParseExact(form.Value("decidedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(new FieldError("decidedOn", "Give the day of the body's outcome."));
        }

        try
        {
            if (errors.Count > 0)
            {
                // Found first, so that a post about no referral answers 404 whatever it carries.
                return await referrals.OpenAsync(id, User.ToActor(), ct) is null ? NotFound() : throw new ValidationFailedException(errors);
            }

            return await referrals.RecordOutcomeAsync(id, outcome, day, form.Value("reasons"), User.ToActor(), ct) is null
                ? NotFound()
                : Redirect($"/desk/disputes/{id}?done=decided");
        }
        catch (ValidationFailedException v)
        {
            form.Add(v);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (WorkflowException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await referrals.OpenAsync(id, User.ToActor(), ct);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
