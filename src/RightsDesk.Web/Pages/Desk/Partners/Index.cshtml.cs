using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Partners;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Security;
using RightsDesk.Web.Partners;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Partners;

/// <summary>Applications waiting for vetting (vetted ones, waiting for a second person, first) and the partners with
/// how accurate their flags have been; ending a partner's standing, proposed by one person and confirmed by another.
/// The list opens nothing sealed.</summary>
[RequirePermission(Permission.PartnerVet)]
public sealed class IndexModel(PartnerApplications applications, PartnerFlags flags, PartnerRevocation revocation) : PageModel
{
    public IReadOnlyList<PartnerApplicationRow> Applications { get; private set; } = [];

    public IReadOnlyList<PartnerSummary> Partners { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done is "proposed" or "revoked" ? done : null;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostProposeRevocationAsync(Guid partner, string? reason, CancellationToken ct) =>
        ActAsync(() => revocation.ProposeAsync(partner, reason, User.ToActor(), ct), "proposed", ct);

    public Task<IActionResult> OnPostConfirmRevocationAsync(Guid partner, CancellationToken ct) =>
        ActAsync(() => revocation.ConfirmAsync(partner, User.ToActor(), ct), "revoked", ct);

    /// <summary>Whether the signed-in person proposed this revocation (and so may not confirm it).</summary>
    public bool ProposedByMe(PartnerSummary p) => p.Standing.ProposedById is { } id && id == User.ToActor().Id;

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IActionResult> ActAsync(Func<Task<bool>> action, string done, CancellationToken ct)
    {
        try
        {
            if (!await action())
            {
                return NotFound();
            }
        }
        catch (WorkflowException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/desk/partners?done={done}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Applications = await applications.ListAsync(ct);
        Partners = await flags.ListAsync(ct);
    }
}
