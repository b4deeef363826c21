using RightsDesk.Core.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Portal;

namespace RightsDesk.Web.Pages.Portal;

/// <summary>
/// One of the official's demands: where it stands, the platform's questions with a form to answer, and released
/// answers to download. The desk's assessment is not shown. Another official's demand is "not found".
/// </summary>
public sealed class DemandModel(PortalAccounts accounts, DemandCases demands, ClarificationService clarifications, PackageReleaseService releases, RightsDeskDbContext db) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public Guid ClarificationId { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty(SupportsGet = true)] public int? Submitted { get; set; }
    [BindProperty(SupportsGet = true)] public int? Answered { get; set; }

    public DemandRecord Record { get; private set; } = null!;
    public Demand Demand { get; private set; } = null!;
    public IReadOnlyList<ClarificationView> Questions { get; private set; } = [];
    public IReadOnlyList<ReleaseView> Releases { get; private set; } = [];
    /// <summary>Only a verified account downloads (after an authenticator reset, not until the call-back is recorded again).</summary>
    public bool CanDownload { get; private set; }
    public int Documents { get; private set; }
    /// <summary>The refusals by field, shown beside each field by the one form mechanism (the values come back through
    /// the bound properties).</summary>
    public Forms.PostedForm Errors { get; } = Forms.PostedForm.Blank(Forms.FormShape.Of());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        var official = (await accounts.CurrentAsync(User, ct))!;
        try
        {
            await clarifications.AnswerAsync(Id, ClarificationId, Answer, Actor.Person(official.User.Id, official.User.UserName!), ct);
            return Redirect($"/portal/demands/{Id}?answered=1");
        }
        catch (ValidationFailedException e)
        {
            Errors.Add(e.Errors.Select(error => new FieldError("answer-" + ClarificationId.ToString("N"), error.Message)));
        }
        catch (WorkflowException e)
        {
            Errors.Add("answer-" + ClarificationId.ToString("N"), e.Message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var official = await accounts.CurrentAsync(User, ct);
        var record = official is null ? null : await demands.FindAsync(Id, ct);
        // The object-level check: only the official who submitted it.
        if (record is null || !string.Equals(record.RequesterUserId, official!.User.Id, StringComparison.Ordinal))
        {
            return false;
        }

        Record = record;
        Demand = demands.Sealing.Demand(record);
        Questions = await clarifications.ForDemandAsync(Id, ct);
        CanDownload = official.CanSubmit;
        Releases = CanDownload ? await releases.ForDemandAsync(Id, official.User.Id, ct) : [];
        Documents = await db.Documents.CountAsync(d => d.DemandId == Id, ct);
        return true;
    }
}
