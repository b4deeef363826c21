using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Policy;
using RightsDesk.Application.Pushback;
using RightsDesk.Core;
using RightsDesk.Core.Pushback;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Pushback;

/// <summary>One push-back record, the demands it concerns, and (for the human rights lead) the form to move it on.</summary>
[RequirePermission(Permission.ImpactRead)]
public sealed class DetailModel(PushbackQueries queries, PushbackRecords records, PolicyProvider policy) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    public PushbackView View { get; private set; } = null!;
    public PostedForm Form { get; private set; } = PostedForm.Blank(PushbackForms.Status);
    public bool CanManage => User.Can(Permission.ImpactManage);
    public string? Done { get; private set; }

    public string OffenceName(string id) => policy.Current.Offences.FirstOrDefault(o => o.Id == id)?.Name ?? id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.GetAsync(Id, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Done = Request.Query["done"] == "status" ? "The status was changed." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), PushbackForms.Status);
        try
        {
            return await records.ChangeStatusAsync(Id, PushbackReader.Status(form.ToJson()), User.ToActor(), ct)
                ? Redirect($"/desk/pushback/{Id}?done=status")
                : NotFound();
        }
        catch (ValidationFailedException ex)
        {
            form.Add(ex);
            if (await queries.GetAsync(Id, ct) is not { } view)
            {
                return NotFound();
            }

            View = view;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
