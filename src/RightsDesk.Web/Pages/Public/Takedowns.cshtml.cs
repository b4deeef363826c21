using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Originals;
using RightsDesk.Core.Originals;
using RightsDesk.Web.Public;
using RightsDesk.Web.Transparency;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The public tier of the published takedown originals, one year at a time (the latest with a demand unless a year is
/// chosen), filtered by country through a plain GET form and paged. Demands held by a non-disclosure order, and those
/// not decided, are counted and never named.
/// </summary>
public sealed class TakedownsModel(PublicCatalogue catalogue, PolicyProvider policy, TakedownPages pages) : PublicPageModel(catalogue, policy)
{
    public override string PagePath => "transparency/takedowns";

    public override string Title => T["takedowns.title"];

    public override string Description => T["takedowns.intro"];

    /// <summary>Null when no takedown demand has been received at all.</summary>
    public TakedownListing? Listing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? lang, int? year, string? country, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } redirect)
        {
            return redirect;
        }

        string? code = null;
        if (!string.IsNullOrEmpty(country))
        {
            if (country.Length != 2 || !country.All(char.IsAsciiLetter))
            {
                return NotFound();
            }

            code = country.ToUpperInvariant();
        }

        Listing = await pages.ListAsync(OriginalTier.Public, year, code, page ?? 1, ct);
        if (Listing is null && (year is not null || code is not null || page is not null and not 1))
        {
            return NotFound();
        }

        return Page();
    }

    public string CountryLabel(string code) => T.Country(code, code);

    public string OriginalHref(SelectedOriginal o) => Href(TakedownHrefs.Path(o.Original));

    public string PageHref(int page) => Href(PagePath) + TakedownHrefs.Query(Listing!, page);
}
