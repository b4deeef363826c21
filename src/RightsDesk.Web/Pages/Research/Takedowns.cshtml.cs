using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Originals;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core.Originals;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;
using RightsDesk.Web.Transparency;

namespace RightsDesk.Web.Pages.Research;

/// <summary>
/// The researcher tier of the published takedown originals, for a researcher signed in: the same years, filters and
/// paging as the public list, with the text the rule table gives researchers. The list names no more than the public
/// index does (authority, date, what was done); opening an original is what the ledger records.
/// </summary>
[RequirePermission(Permission.OriginalsResearchRead)]
public sealed class TakedownsModel(TakedownPages pages) : PageModel
{
    public const string Root = "/research/takedowns";

    public TakedownListing? Listing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, string? country, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        string? code = null;
        if (!string.IsNullOrEmpty(country))
        {
            if (country.Length != 2 || !country.All(char.IsAsciiLetter))
            {
                return NotFound();
            }

            code = country.ToUpperInvariant();
        }

        Listing = await pages.ListAsync(OriginalTier.Researcher, year, code, page ?? 1, ct);
        if (Listing is null && (year is not null || code is not null || page is not null and not 1))
        {
            return NotFound();
        }

        return Page();
    }

    public static string OriginalHref(SelectedOriginal o) => "/" + TakedownHrefs.Path(o.Original, Root.TrimStart('/'));

    public string PageHref(int page) => Root + TakedownHrefs.Query(Listing!, page);
}
