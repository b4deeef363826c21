using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Impact;
using RightsDesk.Core;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Impact;

/// <summary>
/// What an assessment recommends for a market, and where each recommendation stands as a policy change: recorded,
/// proposed (waiting for an administrator on /desk/admin/policy/proposals) or approved and in force.
/// </summary>
[RequirePermission(Permission.ImpactRead)]
public sealed class RecommendationsModel(ImpactRecommendations recommendations, ImpactQueries queries) : PageModel
{
    public AssessmentView View { get; private set; } = null!;
    public IReadOnlyList<RecommendationView> Rows { get; private set; } = [];
    public PostedForm Form { get; private set; } = PostedForm.Blank(ImpactForms.Recommendation);
    public IReadOnlyList<FieldError> ProposeErrors { get; private set; } = [];
    public bool CanManage => User.Can(Permission.ImpactManage);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), ImpactForms.Recommendation);
        try
        {
            return await recommendations.RecordAsync(id, RecommendationReader.Read(ImpactForms.Json(form)), User.ToActor(), ct) is null
                ? NotFound() : Redirect($"/desk/impact/{id}/recommendations");
        }
        catch (ValidationFailedException ex)
        {
            form.Add(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostProposeAsync(Guid id, Guid recommendation, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        try
        {
            return await recommendations.ProposeAsync(id, recommendation, User.ToActor(), ct) ? Redirect($"/desk/impact/{id}/recommendations") : NotFound();
        }
        catch (ValidationFailedException ex)
        {
            ProposeErrors = ex.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, ct);
        var rows = view is null ? null : await recommendations.ListAsync(id, ct);
        if (view is null || rows is null)
        {
            return false;
        }

        (View, Rows) = (view, rows);
        return true;
    }
}
