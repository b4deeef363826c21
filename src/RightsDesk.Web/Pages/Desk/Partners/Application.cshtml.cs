using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Partners;
using RightsDesk.Core;
using RightsDesk.Core.Security;
using RightsDesk.Web.Partners;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Partners;

/// <summary>
/// One application, unsealed (the opening is ledgered): vet it (first person), approve it (a second person; the
/// partner's account is made and its invitation queued) or reject it. Each step needs a note of what was checked.
/// </summary>
[RequirePermission(Permission.PartnerVet)]
public sealed class ApplicationModel(PartnerApplications applications, PartnerOnboarding onboarding) : PageModel
{
    public PartnerApplicationCase Case { get; private set; } = null!;

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done is "vetted" or "approved" or "rejected" ? done : null;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostVetAsync(Guid id, string? note, CancellationToken ct) =>
        ActAsync(id, () => applications.VetAsync(id, note, User.ToActor(), ct), "vetted", ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, string? note, CancellationToken ct) =>
        ActAsync(id, async () => await onboarding.ApproveAsync(id, note, User.ToActor(), Request, ct) is not null, "approved", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? note, CancellationToken ct) =>
        ActAsync(id, () => applications.RejectAsync(id, note, User.ToActor(), ct), "rejected", ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<bool>> action, string done, CancellationToken ct)
    {
        try
        {
            if (!await action())
            {
                return NotFound();
            }
        }
        catch (Exception e) when (e is WorkflowException or ValidationFailedException)
        {
            Error = e is ValidationFailedException v ? string.Join(" ", v.Errors.Select(x => x.Message)) : e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/desk/partners/applications/{id}?done={done}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var opened = await applications.OpenAsync(id, User.ToActor(), ct);
        if (opened is null)
        {
            return false;
        }

        Case = opened;
        return true;
    }
}
