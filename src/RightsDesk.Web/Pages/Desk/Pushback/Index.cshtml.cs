using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Policy;
using RightsDesk.Application.Pushback;
using RightsDesk.Core;
using RightsDesk.Core.Policy;
using RightsDesk.Core.Pushback;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Pushback;

/// <summary>Every legal challenge, advocacy request and refusal, and (for the human rights lead) the form to record one.</summary>
[RequirePermission(Permission.ImpactRead)]
public sealed class IndexModel(PushbackQueries queries, PushbackRecords records, PolicyProvider policy) : PageModel
{
    public IReadOnlyList<PushbackView> Rows { get; private set; } = [];
    public PostedForm Form { get; private set; } = PostedForm.Blank(PushbackForms.Record);
    public IReadOnlyList<OffenceEntry> Offences => policy.Current.Offences;

    public bool CanManage => User.Can(Permission.ImpactManage);

    public string OffenceName(string id) => Offences.FirstOrDefault(o => o.Id == id)?.Name ?? id;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.ListAsync(ct);

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), PushbackForms.Record);
        try
        {
            var id = await records.RecordAsync(PushbackReader.Read(form.ToJson(), policy.Current), User.ToActor(), ct);
            return Redirect($"/desk/pushback/{id}");
        }
        catch (ValidationFailedException ex)
        {
            form.Add(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Rows = await queries.ListAsync(ct);
            return Page();
        }
    }
}
