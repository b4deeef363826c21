using System.Globalization;
using RightsDesk.Core.Originals;

namespace RightsDesk.Web.Transparency;

/// <summary>The addresses of the published originals' pages, shared by the public and the researcher pages.</summary>
public static class TakedownHrefs
{
    /// <summary>"transparency/takedowns/de/2026/2026-01-20-rd-2026-000001.md": the country in lower case, its one address.</summary>
    public static string Path(PublishedOriginal o, string root = "transparency/takedowns")
    {
        ArgumentNullException.ThrowIfNull(o);
        return $"{root}/{o.Country.ToLowerInvariant()}/{o.Year.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(o.FileName)}";
    }

    /// <summary>The query string of a page of the list, with the year and country it shows.</summary>
    public static string Query(TakedownListing listing, int page)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var query = "?year=" + listing.Year.ToString(CultureInfo.InvariantCulture);
        if (listing.Country is { } c)
        {
            query += "&country=" + c.ToLowerInvariant();
        }

        return page > 1 ? query + "&page=" + page.ToString(CultureInfo.InvariantCulture) : query;
    }
}
