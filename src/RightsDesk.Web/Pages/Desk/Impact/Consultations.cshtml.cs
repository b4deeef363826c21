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
/// An assessment's consultations, opened from their seal: every opening of this page is a ledger event. People are
/// named only with their consent; otherwise the group alone says who was heard.
/// </summary>
[RequirePermission(Permission.ImpactManage)]
public sealed class ConsultationsModel(ImpactConsultations consultations, ImpactQueries queries, ImpactStore store) : PageModel
{
    public AssessmentView View { get; private set; } = null!;
    public IReadOnlyList<ConsultationView> Rows { get; private set; } = [];
    public PostedForm Form { get; private set; } = PostedForm.Blank(ImpactForms.Consultation);
    public ImpactPolicy Rules => store.Rules;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), ImpactForms.Consultation);
        try
        {
            return await consultations.RecordAsync(id, ImpactReader.Consultation(ImpactForms.Json(form, "participants"), store.Rules), User.ToActor(), ct) is null
                ? NotFound() : Redirect($"/desk/impact/{id}/consultations");
        }
        catch (ValidationFailedException ex)
        {
            form.Add(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, ct);
        var rows = view is null ? null : await consultations.ListAsync(id, User.ToActor(), ct);
        if (view is null || rows is null)
        {
            return false;
        }

        (View, Rows) = (view, rows);
        return true;
    }
}
