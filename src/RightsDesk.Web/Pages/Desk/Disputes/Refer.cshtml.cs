using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Common;
using RightsDesk.Application.Disputes;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Disputes;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Disputes;

/// <summary>Recording that a decision went to a certified out-of-court body (DSA Art. 21), from the decision's or
/// the appeal's page. Trust and safety staff record it; the rules (a pending appeal first, one open referral per side)
/// are the application's.</summary>
[RequirePermission(Permission.ModerationReview)]
public sealed class ReferModel(DisputeReferrals referrals) : PageModel
{
    public ReferralTarget Target { get; private set; } = null!;
    public PostedForm Form { get; private set; } = PostedForm.Blank(Shape);
    public string? Error { get; private set; }

    /// <summary>The route's id is the decision's: a referral has no id until it is recorded.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    private static readonly FormShape Shape = FormShape.Of();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), Shape);
        var errors = new List<FieldError>();
        if (!JsonNames.TryParse<DisputeSide>(form.Value("side"), out var s))
        {
            errors.Add(new FieldError("side", "Choose whose referral it is: the user's or the notifier's."));
        }

        if (!DateOnly.TryParseExact(form.Value("referredOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(new FieldError("referredOn", "Give the day the dispute was referred."));
        }

        try
        {
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            var dispute = await referrals.ReferAsync(id, new ReferralInput(s, form.Value("bodyName"), form.Value("bodyMemberState")?.Trim().ToUpperInvariant(), day), User.ToActor(), ct);
            return dispute is null ? NotFound() : Redirect($"/desk/disputes/{dispute.Id}?done=referred");
        }
        catch (ValidationFailedException v)
        {
            form.Add(v);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (Exception e) when (e is WorkflowException or ConflictException)
        {
            Error = e.Message;
            Response.StatusCode = e is ConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid decisionId, CancellationToken ct)
    {
        var target = await referrals.TargetAsync(decisionId, ct);
        if (target is null)
        {
            return false;
        }

        Target = target;
        return true;
    }
}
