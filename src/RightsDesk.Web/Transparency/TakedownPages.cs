using System.Globalization;
using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Originals;
using RightsDesk.Core.Originals;
using RightsDesk.Data;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Transparency;

/// <summary>One page of the list of published originals: the year shown, the years there are, the countries of the
/// year, the originals on this page, and what was held or not decided in the year.</summary>
public sealed record TakedownListing(
    int Year, IReadOnlyList<int> Years, IReadOnlyList<string> Countries, string? Country,
    IReadOnlyList<SelectedOriginal> Originals, int Matching, int PageNumber, int Pages, int Held, int NotDecided);

/// <summary>
/// What the web pages of the published originals read: one calendar year's <see cref="TakedownSelection"/> at a
/// time (the year asked for, or the latest with a takedown demand), so a request unseals at most one year's
/// demands, and that only when the store has changed since the last request: selections are kept in
/// <see cref="TakedownCache"/> under the ledger's size, the policy version and the day, and every change that could
/// alter one (a demand, a decision, an approval, a policy change) is a ledger event. Nothing here is ledgered; the
/// researcher's page records its own read.
/// </summary>
public sealed class TakedownPages(TakedownSelection selection, TakedownCache cache, RightsDeskDbContext db, PolicyProvider policy, TimeProvider clock) : IShownOriginals
{
    public const int PageSize = 25;

    /// <summary>The list for a year (null: the latest), a country (null: all) and a page; null when the year has no
    /// takedown demand at all or the page is past the end (the page answers 404).</summary>
    public async Task<TakedownListing?> ListAsync(OriginalTier tier, int? year, string? country, int page, CancellationToken ct)
    {
        var stamp = await StampAsync(ct);
        var range = await cache.GetAsync((stamp, "years"), () => selection.YearsAsync(ct));
        if (range is not { } r || (year is { } y && (y < r.First || y > r.Last)) || page < 1)
        {
            return null;
        }

        var shown = year ?? r.Last;
        var chosen = await YearAsync(stamp, tier, shown, ct);
        var countries = chosen.Originals.Select(o => o.Original.Country).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var matching = chosen.Originals.Where(o => country is null || string.Equals(o.Original.Country, country, StringComparison.Ordinal))
            .OrderByDescending(o => o.Original.Received).ThenBy(o => o.Original.Path, StringComparer.Ordinal).ToList();
        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        if (page > pages)
        {
            return null;
        }

        var years = Enumerable.Range(r.First, r.Last - r.First + 1).Reverse().ToList();
        return new TakedownListing(shown, years, countries, country, matching.Skip(Paging.Offset(page, PageSize)).Take(PageSize).ToList(),
            matching.Count, page, pages, chosen.Held.Count, chosen.NotDecided);
    }

    /// <summary>The public list's first page as it stands: the latest year and its originals, from the same cached selection.</summary>
    public async Task<(int Year, int Count)?> PublicAsync(CancellationToken ct)
    {
        if (policy.Current.Originals is null)
        {
            return null;
        }

        var stamp = await StampAsync(ct);
        if (await cache.GetAsync((stamp, "years"), () => selection.YearsAsync(ct)) is not { } range)
        {
            return null;
        }

        return (range.Last, (await YearAsync(stamp, OriginalTier.Public, range.Last, ct)).Originals.Count);
    }

    /// <summary>One original by its place (lower-case country, year, file name); null when there is none.</summary>
    public async Task<SelectedOriginal?> FindAsync(OriginalTier tier, string country, string year, string file, CancellationToken ct)
    {
        if (country.Length != 2 || !country.All(char.IsAsciiLetterLower) || year.Length != 4
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || file.Length > 120 || !file.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }

        var stamp = await StampAsync(ct);
        var range = await cache.GetAsync((stamp, "years"), () => selection.YearsAsync(ct));
        if (range is not { } r || y < r.First || y > r.Last)
        {
            return null;
        }

        var path = $"{country.ToUpperInvariant()}/{year}/{file}";
        return (await YearAsync(stamp, tier, y, ct)).Originals.FirstOrDefault(o => string.Equals(o.Original.Path, path, StringComparison.Ordinal));
    }

    private Task<TakedownSelectionResult> YearAsync(Stamp stamp, OriginalTier tier, int year, CancellationToken ct) =>
        cache.GetAsync((stamp, tier, year), () => selection.YearAsync(year, tier, ct));

    /// <summary>What a cached selection is valid for: the ledger as long as it is, the policy in force, today (a
    /// non-disclosure order ends on a day, with no event).</summary>
    private async Task<Stamp> StampAsync(CancellationToken ct)
    {
        var size = await db.LedgerEvents.AsNoTracking().OrderByDescending(e => e.Seq).Select(e => (long?)e.Seq).FirstOrDefaultAsync(ct) ?? 0;
        return new Stamp(size, policy.Current.Version, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    private sealed record Stamp(long LedgerSize, string Policy, DateOnly Today);

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>
    /// The original's Markdown as HTML, without its first heading (the page's own title says it) and without its
    /// redaction table (the page lists the redactions in the reader's language). Raw HTML in the Markdown is shown as
    /// text, never passed through; the demand's words are inside a fence, so they are never read as markup at all.
    /// </summary>
    public static IHtmlContent Html(PublishedOriginal original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var md = original.Markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (md.StartsWith("# ", StringComparison.Ordinal) && md.IndexOf('\n', StringComparison.Ordinal) is var end and > 0)
        {
            md = md[(end + 1)..];
        }

        var cut = md.LastIndexOf("\n## Redactions\n", StringComparison.Ordinal);
        if (cut >= 0)
        {
            md = md[..cut];
        }

        // The original's headings are second level in the file; under the page's title they are too.
        return new HtmlString(Markdown.ToHtml(md, Pipeline));
    }
}

/// <summary>
/// The selections the pages read, kept briefly in memory: at most a few dozen (two tiers, a few years), each valid
/// for the stamp it was made under; a new stamp makes the old entries unreachable and they are dropped when the cache
/// fills. It holds the researcher tier too, in the desk's own memory, as any request's data would be.
/// </summary>
public sealed class TakedownCache
{
    public const int Capacity = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<object, object?> _entries = [];

    public async Task<T> GetAsync<T>(object key, Func<Task<T>> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var found))
            {
                return (T)found!;
            }
        }

        var made = await make();
        lock (_gate)
        {
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            _entries[key] = made;
        }

        return made;
    }
}
