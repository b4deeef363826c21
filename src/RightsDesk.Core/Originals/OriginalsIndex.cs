using System.Globalization;
using System.Text;

namespace RightsDesk.Core.Originals;

/// <summary>
/// The index files of a publication: <c>index.md</c> at the top (each country and year, with how many demands) and
/// one <c>COUNTRY/YEAR/index.md</c> listing that year's files by date: authority and what was done, linked by the
/// file's relative name, so the tree reads on GitHub or any static host as gov-takedowns does.
/// </summary>
public static class OriginalsIndex
{
    public static IReadOnlyDictionary<string, string> Build(IReadOnlyList<PublishedOriginal> originals, OriginalTier tier, DateOnly from, DateOnly to, int held)
    {
        ArgumentNullException.ThrowIfNull(originals);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var top = new StringBuilder();
        top.Append("# Government takedown demands\n\n")
            .Append("Received ").Append(Day(from)).Append(" to ").Append(Day(to)).Append(", published for ")
            .Append(tier is OriginalTier.Public ? "the public" : "researchers with an account")
            .Append(". Each file is the demand's own words with personal data replaced by a marked placeholder; its redaction list says what was taken out and under which rule.\n\n");
        if (held > 0)
        {
            top.Append(held.ToString(CultureInfo.InvariantCulture))
                .Append(held == 1 ? " demand is" : " demands are").Append(" not published while a non-disclosure order binds; each is published once its order ends.\n\n");
        }

        top.Append("| Country | Year | Demands |\n|---|---|---|\n");
        foreach (var group in originals.GroupBy(o => (o.Country, o.Year)).OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Year))
        {
            var (country, year) = group.Key;
            var y = year.ToString(CultureInfo.InvariantCulture);
            top.Append("| ").Append(country).Append(" | [").Append(y).Append("](").Append(country).Append('/').Append(y).Append("/index.md) | ")
                .Append(group.Count().ToString(CultureInfo.InvariantCulture)).Append(" |\n");
            var index = new StringBuilder();
            index.Append("# Government takedown demands: ").Append(country).Append(", ").Append(y).Append("\n\n")
                .Append("| Received | Authority | What was done | File |\n|---|---|---|---|\n");
            foreach (var o in group.OrderBy(o => o.Received).ThenBy(o => o.FileName, StringComparer.Ordinal))
            {
                index.Append("| ").Append(Day(o.Received)).Append(" | ").Append(TakedownOriginal.Inline(o.Authority)).Append(" | ")
                    .Append(TakedownOriginal.Inline(o.Done)).Append(" | [").Append(o.FileName).Append("](").Append(o.FileName).Append(") |\n");
            }

            files[$"{country}/{y}/index.md"] = index.ToString();
        }

        files["index.md"] = top.ToString();
        return files;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
