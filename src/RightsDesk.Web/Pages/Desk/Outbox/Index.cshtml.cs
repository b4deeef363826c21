using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Core.Security;
using RightsDesk.Data.Outbox;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Outbox;

/// <summary>
/// Every message the product sends (notices, letters, portal mail, alerts), with its attempts and last error; dead
/// letters retried and messages cancelled with a reason that goes into the ledger. Looking needs NoticeRead, acting
/// NoticeManage; messages of a case outside the person's compartment are neither listed nor counted.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = "perm:NoticeRead")]
public sealed class IndexModel(OutboxDesk desk) : PageModel
{
    public IReadOnlyList<OutboxRecord> Rows { get; private set; } = [];
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();
    public OutboxStatus? Filter { get; private set; }
    public string? Done { get; private set; }
    public string? Error { get; private set; }
    public Guid? ErrorFor { get; private set; }

    public bool CanManage => User.Can(Permission.NoticeManage);

    public async Task<IActionResult> OnGetAsync(string? status, string? done, CancellationToken ct)
    {
        Done = done is "retried" or "cancelled" ? done : null;
        await LoadAsync(status, ct);
        return Page();
    }

    public Task<IActionResult> OnPostRetryAsync(Guid messageId, string? reason, CancellationToken ct) =>
        Act(messageId, () => desk.RetryAsync(messageId, reason ?? "", User.ToViewer(), ct), "retried", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid messageId, string? reason, CancellationToken ct) =>
        Act(messageId, () => desk.CancelAsync(messageId, reason ?? "", User.ToViewer(), ct), "cancelled", ct);

    private async Task<IActionResult> Act(Guid id, Func<Task<bool>> action, string done, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        try
        {
            if (!await action())
            {
                return NotFound();
            }
        }
        catch (ValidationFailedException e)
        {
            Error = string.Join(" ", e.Errors.Select(x => x.Message));
            ErrorFor = id;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(null, ct);
            return Page();
        }

        return Redirect($"/desk/outbox?done={done}");
    }

    private async Task LoadAsync(string? status, CancellationToken ct)
    {
        Filter = JsonNames.TryParse<OutboxStatus>(status, out var s) ? s : null;
        var viewer = User.ToViewer();
        Counts = await desk.CountAsync(viewer, ct);
        Rows = await desk.ListAsync(viewer, Filter, 300, ct);
    }
}
