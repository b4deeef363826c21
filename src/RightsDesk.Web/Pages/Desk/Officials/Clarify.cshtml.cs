using RightsDesk.Core.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data.Demands;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Portal;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Officials;

/// <summary>
/// Questions to the requesting official of a portal demand, and their answers. Reading them is a read of the case
/// (ledger); asking needs the right to decide, as the question follows a requestClarification decision. The route
/// needs DemandRead like the demand's own page: a staff role without it is sent to "access
/// denied" (403) before the case is looked up, rather than told "not found" by the object check.
/// </summary>
[RequirePermission(Permission.DemandRead)]
public sealed class ClarifyModel(DemandCommands demands, ClarificationService clarifications) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public string? Question { get; set; }

    public DemandRecord Record { get; private set; } = null!;
    public IReadOnlyList<ClarificationView> Questions { get; private set; } = [];
    /// <summary>The refusals by field, shown beside each field by the one form mechanism (the values come back through
    /// the bound properties).</summary>
    public Forms.PostedForm Errors { get; } = Forms.PostedForm.Blank(Forms.FormShape.Of());
    public string? Refused { get; private set; }
    public bool CanAsk => User.Can(Permission.DemandDecide) && DemandAccess.CanAct(User, Record, Permission.DemandDecide);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        await demands.Read.RunAsync(Record, User.ToActor(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        if (!CanAsk)
        {
            Refused = "Your role cannot put questions to the authority.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        try
        {
            await clarifications.AskAsync(Id, Question, User.ToActor(), ct);
            return Redirect($"/desk/demands/{Id}/clarify");
        }
        catch (ValidationFailedException e)
        {
            Errors.Add(e.Errors.Select(error => new FieldError("Question", error.Message)));
        }
        catch (WorkflowException e)
        {
            Refused = e.Message;
        }

        await Load(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var record = await demands.Cases.FindAsync(Id, ct);
        if (record is null || !DemandAccess.CanSeeContents(User, record))
        {
            return false;
        }

        Record = record;
        Questions = await clarifications.ForDemandAsync(Id, ct);
        return true;
    }

    public static string StateOf(DemandState s) => JsonNames.Of(s);
}
