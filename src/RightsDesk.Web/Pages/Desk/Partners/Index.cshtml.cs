using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Partners;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Partners;

/// <summary>Applications waiting for vetting (vetted ones, waiting for a second person, first) and the partners with
/// how accurate their flags have been. The list opens nothing sealed.</summary>
[RequirePermission(Permission.PartnerVet)]
public sealed class IndexModel(PartnerApplications applications, PartnerFlags flags) : PageModel
{
    public IReadOnlyList<PartnerApplicationRow> Applications { get; private set; } = [];

    public IReadOnlyList<PartnerSummary> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Applications = await applications.ListAsync(ct);
        Partners = await flags.ListAsync(ct);
    }

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
