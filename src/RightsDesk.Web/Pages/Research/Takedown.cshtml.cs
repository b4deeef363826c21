using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Originals;
using RightsDesk.Core;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Originals;
using RightsDesk.Core.Security;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Security;
using RightsDesk.Web.Transparency;

namespace RightsDesk.Web.Pages.Research;

/// <summary>One original of the researcher tier. Every view is a <see cref="TakedownOriginalRead"/> on its demand,
/// with the path and the tier (never the words); a place that names no published original is 404.</summary>
[RequirePermission(Permission.OriginalsResearchRead)]
public sealed class TakedownModel(TakedownPages pages, PolicyProvider policy, LedgerWriter ledger) : PageModel
{
    public SelectedOriginal Shown { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string country, string year, string file, CancellationToken ct)
    {
        if (await pages.FindAsync(OriginalTier.Researcher, country, year, file, ct) is not { } shown)
        {
            return NotFound();
        }

        Shown = shown;
        ledger.Record(new TakedownOriginalRead(shown.Original.Path, JsonNames.Of(OriginalTier.Researcher)), User.ToActor(), shown.DemandId.ToString());
        await ledger.SaveAsync(ct);
        return Page();
    }

    public string Reason(string rule) => policy.Current.Originals?.Rules.FirstOrDefault(r => r.Id == rule)?.Reason ?? "";
}
