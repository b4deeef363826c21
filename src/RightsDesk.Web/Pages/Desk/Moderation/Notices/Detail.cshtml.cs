using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Moderation.Notices;

/// <summary>
/// One notice: what the notifier wrote (unsealed, so every opening is ledgered), the notifier's contact only when
/// asked for (a read of its own in the ledger), and the decision: a moderation decision taken, linked by its puid, or
/// no action; either way with the reasons the notifier is told. Reading needs ModerationRead, deciding ModerationReview.
/// </summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class DetailModel(NoticeDesk desk, NoticeComplaints complaints) : PageModel
{
    public NoticeCase Case { get; private set; } = null!;

    public bool Decided { get; private set; }

    /// <summary>The notifier's complaints about the decision, newest first (Art. 20(1)).</summary>
    public IReadOnlyList<NoticeComplaintCase> Complaints { get; private set; } = [];

    public string? ComplaintDone { get; private set; }

    public string? ComplaintError { get; private set; }

    public string? Error { get; private set; }

    public bool CanDecide => User.Can(Permission.ModerationReview);

    public async Task<IActionResult> OnGetAsync(Guid id, bool contact, string? done, CancellationToken ct)
    {
        Decided = done == "decided";
        ComplaintDone = done is "upheld" or "reversed" ? done : null;
        return await LoadAsync(id, contact, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, string? outcome, string? puid, string? reasons, CancellationToken ct)
    {
        if (!CanDecide)
        {
            return Forbid();
        }

        if (!JsonNames.TryParse<NoticeOutcome>(outcome, out var chosen))
        {
            return await RefuseAsync(id, "Choose whether a decision was taken or no action.", ct);
        }

        try
        {
            if (!await desk.DecideAsync(id, chosen, puid, reasons, User.ToActor(), ct))
            {
                return await desk.ExistsAsync(id, ct) ? await RefuseAsync(id, "This notice has already been decided.", ct) : NotFound();
            }
        }
        catch (WorkflowException e)
        {
            return await RefuseAsync(id, e.Message, ct);
        }

        return Redirect($"/desk/moderation/notices/{id}?done=decided");
    }

    /// <summary>Decides the notifier's complaint: upheld (the decision stands) or reversed (the notice is decided anew).</summary>
    public async Task<IActionResult> OnPostComplaintAsync(Guid id, Guid complaint, string? verdict, string? complaintReasons, CancellationToken ct)
    {
        if (!CanDecide)
        {
            return Forbid();
        }

        if (verdict is not ("upheld" or "reversed"))
        {
            return await RefuseComplaintAsync(id, "Choose whether the decision stands or is reversed.", ct);
        }

        try
        {
            if (!await complaints.DecideAsync(id, complaint, verdict == "reversed", complaintReasons, User.ToActor(), ct))
            {
                return await desk.ExistsAsync(id, ct) ? await RefuseComplaintAsync(id, "There is no complaint waiting on this notice.", ct) : NotFound();
            }
        }
        catch (WorkflowException e)
        {
            return await RefuseComplaintAsync(id, e.Message, ct);
        }

        return Redirect($"/desk/moderation/notices/{id}?done={verdict}");
    }

    private async Task<IActionResult> RefuseComplaintAsync(Guid id, string message, CancellationToken ct)
    {
        ComplaintError = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(id, false, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> RefuseAsync(Guid id, string message, CancellationToken ct)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(id, false, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, bool contact, CancellationToken ct)
    {
        var opened = await desk.OpenAsync(id, contact, User.ToActor(), ct);
        if (opened is null)
        {
            return false;
        }

        Case = opened;
        Complaints = await complaints.ForNoticeAsync(id, ct);
        return true;
    }

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
