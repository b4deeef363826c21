using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Defenders;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.AtRisk;

/// <summary>
/// The at-risk registry: people whose targeting raises the bar for any demand, each with their identifiers. One
/// person proposes an addition or a removal, another approves it; opening the list is itself a ledger event.
/// </summary>
[RequirePermission(Permission.AtRiskRead)]
public sealed class IndexModel(AtRiskRegistry registry) : PageModel
{
    public const int PageSize = 100;
    public const int IdentifierRows = 5;

    private static readonly FormShape Shape = FormShape.Of(
        booleans: ["consent"], rows: new Dictionary<string, string>(StringComparer.Ordinal) { ["identifiers"] = "value" });

    [BindProperty(SupportsGet = true)] public int Skip { get; set; }
    public IReadOnlyList<AtRiskPersonView> Entries { get; private set; } = [];
    public PostedForm Form { get; private set; } = PostedForm.Blank(Shape);
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Done = Request.Query["done"].ToString() is "proposed" or "approved" or "removalProposed" or "known" ? Request.Query["done"].ToString() : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!User.Can(Permission.AtRiskManage))
        {
            return Forbid();
        }

        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), Shape);
        try
        {
            var proposal = await registry.ProposeAsync(AtRiskEntryReader.Read(form.ToJson()), User.ToActor(), ct);
            return Redirect("/desk/at-risk?done=" + (proposal.Created ? "proposed" : "known"));
        }
        catch (ValidationFailedException ex)
        {
            form.Add(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        Change(async () => await registry.ApproveAsync(id, User.ToViewer(), ct), "approved", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        Change(async () => await registry.ProposeRemovalAsync(id, User.ToViewer(), ct), "removalProposed", ct);

    public static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum => JsonNames.All<TEnum>();

    private async Task<IActionResult> Change(Func<Task<AtRiskStatus?>> change, string done, CancellationToken ct)
    {
        if (!User.Can(Permission.AtRiskManage))
        {
            return Forbid();
        }

        try
        {
            return await change() is null ? NotFound() : Redirect("/desk/at-risk?done=" + done);
        }
        catch (WorkflowException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Skip = Math.Clamp(Skip, 0, 1_000_000);
        Entries = await registry.ListAsync(User.ToViewer(), Skip, PageSize, ct);
    }
}
