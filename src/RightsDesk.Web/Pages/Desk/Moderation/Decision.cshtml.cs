using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Disputes;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Moderation;

/// <summary>One moderation decision: what the platform reported (its sealed texts, so opening it is ledgered), the
/// ladder's findings and the decision's history.</summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class DecisionModel(ModerationReview review, StatementsOfReasons statements, DisputeReferrals referrals) : PageModel
{
    public DecisionDetail Detail { get; private set; } = null!;

    /// <summary>The statements of reasons sent to the user, newest first, with the appeal code masked.</summary>
    public IReadOnlyList<StatementView> Statements { get; private set; } = [];

    /// <summary>Referrals of the decision to certified out-of-court bodies (DSA Art. 21).</summary>
    public IReadOnlyList<DisputeView> Disputes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var detail = await review.OpenAsync(id, User.ToActor(), ct);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        Statements = await statements.ForDecisionAsync(id, ct);
        Disputes = await referrals.ForDecisionAsync(id, User.ToActor(), ct);
        return Page();
    }
}
