using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Appeals;
using RightsDesk.Application.Disputes;
using RightsDesk.Core;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Appeals;

/// <summary>One appeal: the decision under appeal, what the appellant wrote (sealed, so opening it is ledgered), and
/// the reviewer's take and decide forms. Acting needs ModerationReview; the kernel refuses anyone who took part in
/// the decision.</summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class AppealModel(AppealReview review, DisputeReferrals referrals) : PageModel
{
    public AppealDetail Detail { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    /// <summary>Referrals of the decision under appeal to certified out-of-court bodies (DSA Art. 21).</summary>
    public IReadOnlyList<DisputeView> Disputes { get; private set; } = [];

    public bool CanReview => User.Can(Permission.ModerationReview);

    public bool IsReviewer => Detail.Appeal.ReviewerId == User.ToActor().Id;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done is "taken" or "decided" ? done : null;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostTakeAsync(Guid id, CancellationToken ct) =>
        Act(id, () => review.AssignAsync(id, User.ToActor(), User.ToActor(), ct), "taken", ct);

    public Task<IActionResult> OnPostDecideAsync(Guid id, string? outcome, string? reasons, CancellationToken ct)
    {
        if (!JsonNames.TryParse<AppealOutcome>(outcome, out var o))
        {
            return Act(id, () => throw new ValidationFailedException([new FieldError("outcome", "Choose upheld, reversed or modified.")]), "decided", ct);
        }

        return Act(id, () => review.DecideAsync(id, o, reasons ?? "", User.ToActor(), ct), "decided", ct);
    }

    private async Task<IActionResult> Act(Guid id, Func<Task<bool>> action, string done, CancellationToken ct)
    {
        if (!CanReview)
        {
            return Forbid();
        }

        try
        {
            if (!await action())
            {
                return NotFound();
            }
        }
        catch (Exception e) when (e is ValidationFailedException or WorkflowException)
        {
            Error = e is ValidationFailedException v ? string.Join(" ", v.Errors.Select(x => x.Message)) : e.Message;
            Response.StatusCode = e is ValidationFailedException ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/desk/appeals/{id}?done={done}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await review.OpenAsync(id, User.ToActor(), ct);
        if (detail is null)
        {
            return false;
        }

        Detail = detail;
        Disputes = await referrals.ForDecisionAsync(detail.Decision.Id, User.ToActor(), ct);
        return true;
    }
}
