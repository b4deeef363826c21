using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Moderation;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Security;
using RightsDesk.Data.Moderation;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Moderation;

/// <summary>
/// The review queue of moderation decisions: measures held for a person first, then indefinite ones due for their
/// review, then all. A person confirms a held measure (two people for one that needs a second review), keeps one whose
/// review is due until the next, or lifts one with a reason; each goes into the ledger. Looking
/// needs ModerationRead, acting ModerationReview.
/// </summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class IndexModel(ModerationReview review, TimeProvider clock) : PageModel
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IReadOnlyList<ModerationDecisionRecord> Rows { get; private set; } = [];
    public IReadOnlyDictionary<ReviewList, int> Counts { get; private set; } = new Dictionary<ReviewList, int>();
    public ReviewList Queue { get; private set; } = ReviewList.Held;
    public string? Done { get; private set; }
    public string? Error { get; private set; }
    public Guid? ErrorFor { get; private set; }

    public bool CanReview => User.Can(Permission.ModerationReview);

    public async Task<IActionResult> OnGetAsync(string? queue, string? done, CancellationToken ct)
    {
        Done = done is "confirmed" or "lifted" or "kept" ? done : null;
        await LoadAsync(queue, ct);
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid decisionId, CancellationToken ct) =>
        Act(decisionId, () => review.ConfirmAsync(decisionId, User.ToActor(), ct), "confirmed", ct);

    public Task<IActionResult> OnPostKeepAsync(Guid decisionId, CancellationToken ct) =>
        Act(decisionId, () => review.KeepAsync(decisionId, User.ToActor(), ct), "kept", ct);

    public Task<IActionResult> OnPostLiftAsync(Guid decisionId, string? reason, CancellationToken ct) =>
        Act(decisionId, () => review.LiftAsync(decisionId, reason ?? "", User.ToActor(), ct), "lifted", ct);

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
            ErrorFor = id;
            Response.StatusCode = e is ValidationFailedException ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(null, ct);
            return Page();
        }

        return Redirect($"/desk/moderation?done={done}");
    }

    private async Task LoadAsync(string? queue, CancellationToken ct)
    {
        Queue = JsonNames.TryParse<ReviewList>(queue, out var q) ? q : ReviewList.Held;
        Counts = await review.CountAsync(ct);
        Rows = await review.ListAsync(Queue, 300, ct);
    }
}
