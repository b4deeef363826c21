using System.Globalization;
using System.Text;
using RightsDesk.Application.Demands;
using RightsDesk.Core.Letters;

namespace RightsDesk.Web.Pages.Desk.Demands;

/// <summary>
/// The demand list as CSV (RFC 4180). A cell a spreadsheet would run as a formula (starting with =, +, -, @, or a
/// tab or carriage return that hides one) gets a leading apostrophe: an authority's name is typed by outsiders.
/// </summary>
public static class DemandCsv
{
    private static readonly string[] Header = ["reference", "received", "kind", "authority", "country", "state", "deadline", "overdue", "emergency", "restricted", "assignee"];

    public static byte[] Write(IEnumerable<DemandSummary> rows, DeskWords words)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(words);
        var sb = new StringBuilder();
        Line(sb, Header);
        foreach (var d in rows)
        {
            Line(sb, [
                d.Reference ?? d.Id.ToString(), d.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), words.Of(d.Kind),
                d.AuthorityName, d.AuthorityCountry, words.Of(d.State), d.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                d.Overdue ? "yes" : "no", d.Emergency ? "yes" : "no", d.Restricted ? "yes" : "no", d.AssignedTo ?? "",
            ]);
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
    }

    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static void Line(StringBuilder sb, IEnumerable<string> cells) => sb.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
