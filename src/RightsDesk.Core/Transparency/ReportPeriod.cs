using System.Globalization;
using System.Text.RegularExpressions;

namespace RightsDesk.Core.Transparency;

/// <summary>
/// A reporting period: a calendar year (<c>2026</c>) or one of its halves (<c>2026-H1</c>, <c>2026-H2</c>), in UTC.
/// A case belongs to the period its demand was received in, never to when it was decided, so a report's totals do
/// not move when a pending case is later decided: only its outcome does.
/// </summary>
public sealed partial record ReportPeriod(int Year, int? Half)
{
    public string Label => Half is { } h ? string.Create(CultureInfo.InvariantCulture, $"{Year}-H{h}") : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first instant of the period (inclusive).</summary>
    public DateTimeOffset Start => new(Year, Half == 2 ? 7 : 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant after the period (exclusive).</summary>
    public DateTimeOffset End => Half == 1 ? new(Year, 7, 1, 0, 0, 0, TimeSpan.Zero) : new(Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>The year a half belongs to, or the halves a year is made of: the periods a published figure of this
    /// one can be differenced against.</summary>
    public IReadOnlyList<ReportPeriod> Related => Half is null
        ? [new ReportPeriod(Year, 1), new ReportPeriod(Year, 2)]
        : [new ReportPeriod(Year, null), new ReportPeriod(Year, 3 - Half.Value)];

    public override string ToString() => Label;

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = new ReportPeriod(0, null);
        var m = text is null ? Match.Empty : Pattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2999)
        {
            return false;
        }

        period = new ReportPeriod(year, m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : null);
        return true;
    }

    /// <exception cref="FormatException">naming the three accepted shapes.</exception>
    public static ReportPeriod Parse(string text) => TryParse(text, out var p)
        ? p
        : throw new FormatException($"'{text}' is not a period: write YYYY, YYYY-H1 or YYYY-H2 (for example 2026-H1).");

    [GeneratedRegex(@"^(?<y>\d{4})(?:-H(?<h>[12]))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
