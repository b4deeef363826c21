using RightsDesk.Application.Transparency;
using RightsDesk.Core.Transparency;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Transparency;

/// <summary>
/// The report's tables in the reader's language on the public page. The files stay as they are (English titles and
/// the camelCase words of the API and the ledger, because tools and auditors read them), so the page shows each word
/// of a table in words from policy/public/&lt;lang&gt;.json beside the file's own word; en.json carries the same English
/// as <see cref="ReportTables"/> (tested), so a translator works from one file.
/// </summary>
public sealed class ReportWords(PublicText text)
{
    public const string Country = "country";

    public string Table(string table) => Text(TableKey(table)) ?? ReportTables.Title(table);

    public string Measure(string measure) => Text(MeasureKey(measure)) ?? ReportTables.Measure(measure);

    public string Dimension(string dimension) => Text(DimensionKey(dimension)) ?? dimension.Replace('_', ' ');

    public string Column(string column) => text["report.column." + column];

    /// <summary>A dimension's value in words; a country by its name where the pages name it, else by its code. Null
    /// when there are no words for it (the page shows the file's word alone).</summary>
    public string? Value(string dimension, string value) =>
        dimension == Country ? Text("name." + value) : Text(ValueKey(dimension, value));

    /// <summary>The texts a report's figure needs: its table, its measure, its dimension and (unless the value is a
    /// country code, which comes and goes with the data) its value.</summary>
    public static IEnumerable<string> KeysOf(FigureKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        yield return TableKey(key.Table);
        yield return MeasureKey(key.Measure);
        if (key.IsTotal)
        {
            yield break;
        }

        yield return DimensionKey(key.Dimension);
        if (key.Dimension != Country)
        {
            yield return ValueKey(key.Dimension, key.Value);
        }
    }

    public static string TableKey(string table) => "report.table." + table;

    public static string MeasureKey(string measure) => "report.measure." + measure;

    public static string DimensionKey(string dimension) => "report.dimension." + dimension;

    public static string ValueKey(string dimension, string value) => "report.value." + dimension + "." + value;

    private string? Text(string key) => text.Has(key) ? text[key] : null;
}
