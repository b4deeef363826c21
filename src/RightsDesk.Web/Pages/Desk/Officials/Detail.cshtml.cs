using RightsDesk.Core.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data.Portal;
using RightsDesk.Web.Portal;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Officials;

/// <summary>
/// One official: contact (opening it is a ledger event), verification and flag record, and their demands. Those who
/// read demands may look; only those with OfficialVerify may verify, reject, suspend or flag.
/// </summary>
public sealed class DetailModel(OfficialReview review, OfficialAuthenticatorResets resets) : PageModel
{
    [FromRoute] public string UserId { get; set; } = "";
    [BindProperty] public string? NumberSource { get; set; }
    [BindProperty] public string? NumberCalled { get; set; }
    [BindProperty] public string? WhoAnswered { get; set; }
    [BindProperty] public string? Confirmed { get; set; }
    [BindProperty] public bool NumberNotFromRegistration { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Flag { get; set; }
    [BindProperty] public string? FlagReason { get; set; }
    [BindProperty] public string? ResetReason { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public OfficialDetail? Official { get; private set; }
    /// <summary>The refusals by field, shown beside each field by the one form mechanism (the values come back through
    /// the bound properties).</summary>
    public Forms.PostedForm Errors { get; } = Forms.PostedForm.Blank(Forms.FormShape.Of());
    public string? Refused { get; private set; }
    public bool Forbidden { get; private set; }
    public bool CanAct => User.Can(Permission.OfficialVerify);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Show(ct);

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) =>
        Act("verified", () => review.VerifyAsync(UserId, new CallBack(NumberSource, NumberCalled, WhoAnswered, Confirmed, NumberNotFromRegistration), User.Actor(), ct), ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => Act("rejected", () => review.RejectAsync(UserId, Reason, User.Actor(), ct), ct);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken ct) => Act("suspended", () => review.SuspendAsync(UserId, Reason, User.Actor(), ct), ct);

    /// <summary>The link goes to the official's registered address through the outbox; this page never sees it.</summary>
    public Task<IActionResult> OnPostResetAsync(CancellationToken ct) => Act("reset",
        () => resets.ResetAsync(UserId, ResetReason, User.ToActor(), Request, ct), ct);

    // The form is read inside Act, after the permission check: someone who may not flag is told so, not how to fill in
    // the form.
    public Task<IActionResult> OnPostFlagAsync(CancellationToken ct) => Act("flagged", () => JsonNames.TryParse<RequesterFlag>(Flag, out var flag)
        ? review.FlagAsync(UserId, flag, FlagReason, User.ToActor(), ct)
        : throw new ValidationFailedException([new FieldError("Flag", "Choose forged, abusive, or none to clear the flag.")]), ct);

    private async Task<IActionResult> Act(string done, Func<Task> action, CancellationToken ct)
    {
        if (!User.Can(Permission.DemandRead) || !CanAct)
        {
            Forbidden = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        try
        {
            await action();
            return Redirect($"/desk/officials/{UserId}?done={done}");
        }
        catch (ValidationFailedException e)
        {
            Errors.Add(e);
        }
        catch (WorkflowException e)
        {
            Refused = e.Message;
        }
        catch (PortalClosedException e)
        {
            Refused = e.Message;
        }

        return await Show(ct, StatusCodes.Status400BadRequest);
    }

    private async Task<IActionResult> Show(CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (!User.Can(Permission.DemandRead))
        {
            Forbidden = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Official = await review.OpenAsync(UserId, User, ct);
        if (Official is null)
        {
            return NotFound();
        }

        Response.StatusCode = status;
        return Page();
    }

    public static string Outcome(RequesterDemand d) => d.Outcome is { } o ? JsonNames.Of(o) : "—";

    public static string StateOf(DemandState s) => JsonNames.Of(s);
}
