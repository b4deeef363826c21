using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Moderation;

/// <summary>One moderation decision: what the platform reported (its sealed texts, so opening it is ledgered), the
/// ladder's findings and the decision's history.</summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class DecisionModel(ModerationReview review, StatementsOfReasons statements) : PageModel
{
    public DecisionDetail Detail { get; private set; } = null!;

    /// <summary>The statements of reasons sent to the user, newest first, with the appeal code masked.</summary>
    public IReadOnlyList<StatementView> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var detail = await review.OpenAsync(id, User.ToActor(), ct);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        Statements = await statements.ForDecisionAsync(id, ct);
        return Page();
    }
}
