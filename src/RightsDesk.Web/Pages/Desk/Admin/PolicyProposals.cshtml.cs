using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Impact;
using RightsDesk.Core;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Admin;

/// <summary>
/// Policy changes proposed from impact assessments' recommendations. Whoever may edit the policy approves one here;
/// the person who proposed it cannot. Approval writes the jurisdiction profile through the policy editor.
/// </summary>
[RequirePermission(Permission.PolicyManage)]
public sealed class PolicyProposalsModel(ImpactRecommendations recommendations, ApprovePolicyChange approve) : PageModel
{
    public IReadOnlyList<(Guid Assessment, string Title, RecommendationView Recommendation)> Proposed { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public string? Approved { get; private set; }

    public async Task OnGetAsync(string? approved, CancellationToken ct)
    {
        Approved = approved;
        Proposed = await recommendations.ProposedAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid assessment, Guid recommendation, CancellationToken ct)
    {
        try
        {
            var version = await approve.ApproveAsync(assessment, recommendation, User.ToActor(), ct);
            if (version is null)
            {
                return NotFound();
            }

            return Redirect("/desk/admin/policy/proposals?approved=" + Uri.EscapeDataString(version));
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Proposed = await recommendations.ProposedAsync(ct);
            return Page();
        }
    }
}
