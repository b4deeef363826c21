using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Impact;
using RightsDesk.Core;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Impact;

/// <summary>Every impact assessment, what the gate is missing, and (for the human rights lead) the form to open one.</summary>
[RequirePermission(Permission.ImpactRead)]
public sealed class IndexModel(ImpactQueries queries, ImpactAssessments assessments) : PageModel
{
    public IReadOnlyList<AssessmentSummary> Rows { get; private set; } = [];
    public IReadOnlyList<GateGap> Gaps { get; private set; } = [];
    public PostedForm Form { get; private set; } = PostedForm.Blank(ImpactForms.Assessment);

    public bool CanManage => User.Can(Permission.ImpactManage);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), ImpactForms.Assessment);
        try
        {
            var id = await assessments.CreateAsync(ImpactReader.Assessment(ImpactForms.Json(form)), User.ToActor(), ct);
            return Redirect($"/desk/impact/{id}");
        }
        catch (ValidationFailedException ex)
        {
            form.Add(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await queries.ListAsync(ct);
        Gaps = await queries.GateAsync(ct);
    }
}
