using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Partners;
using RightsDesk.Data.Partners;
using RightsDesk.Web.Partners;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Partner;

/// <summary>The partner's own flags, newest first: where each stands, how it ended, and what the desk wrote back.
/// Nobody else's appear; opening the page is a ledger event, since it shows the desk's replies.</summary>
public sealed class IndexModel(PartnerAccounts accounts, PartnerFlags flags) : PageModel
{
    public PartnerRecord Partner { get; private set; } = null!;
    public IReadOnlyList<PartnerFlagView> Flags { get; private set; } = [];
    [TempData] public string? Flagged { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await accounts.CurrentAsync(User, ct) is not { } partner)
        {
            return NotFound();
        }

        Partner = partner;
        Flags = await flags.FeedbackAsync(partner, User.ToActor(), ct);
        return Page();
    }

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
