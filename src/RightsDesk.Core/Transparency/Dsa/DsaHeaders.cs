namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>
/// The header rows of the Commission's CSV templates (Implementing Regulation (EU) 2024/2835, Annex I), character
/// for character, including the template's own trailing spaces ("Number of notices received "): a regulator's reader
/// matches columns by these strings, so they are the contract. Tests hold them against header rows taken from
/// published template files.
/// </summary>
public static partial class DsaHeaders
{
    public static readonly IReadOnlyList<string> ReportIdentification = ["Applicability", "Service", "Indicator", "Value"];

    public static readonly IReadOnlyList<string> CategoriesNames =
        ["Category label", "Category description", "Category of illegal content / incompatible with the terms and conditions", "Contextual information"];

    private const string Other = "Description of the sub-category \"Other\"";

    public static readonly IReadOnlyList<string> MemberStatesOrders =
    [
        "Applicability", "Service", "Reporting period", "Category of illegal content", Other, "Scope",
        "Number of orders to act against illegal content received",
        "Number of specific items of information included in the total number of orders to act against illegal content",
        "Median time to inform the authority of the receipt of the order to act against illegal content",
        "Median time to give effect to the order to act against illegal content",
        "Number of orders to provide information",
        "Median time to inform the authority of the receipt of the order to provide information",
        "Median time to give effect to the order to provide information",
        "Contextual information on number of orders to act against illegal content received",
        "Contextual information on number of specific items of information included in the total number of orders to act against illegal content",
        "Contextual information on Median time to inform the authority of the receipt of the order to act against illegal content",
        "Contextual information on Median time to give effect to the order to act against illegal content",
        "Contextual information on Number of orders to provide information",
        "Contextual information on Median time to inform the authority of the receipt of the order to provide information",
        "Contextual information on Median time to give effect to the order to provide information",
    ];

    private static readonly string[] NoticeMeasures =
    [
        "Number of notices received ",
        "Number of notices received from Trusted flaggers",
        "Number of specific items of information included in the total number of notices",
        "Number of specific items of information included in the total number of notices by Trusted Flaggers (Trusted Flagger notices)",
        "Median time to take action",
        "Median time to take action (Trusted Flagger notices)",
        "Number of actions taken on the basis of the law",
        "Number of actions taken on the basis of the law (Trusted Flagger notices)",
        "Number of actions taken on the basis of the terms and conditions of the service",
        "Number of actions taken on the basis of the terms and conditions of the service (Trusted Flagger notices)",
    ];

    public static readonly IReadOnlyList<string> Notices =
        [.. new[] { "Applicability", "Service", "Reporting period", "Category of illegal content", Other }, .. NoticeMeasures, .. NoticeMeasures.Select(m => "Contextual information on " + m)];

    /// <summary>The CSV form of a header row: fields joined by commas, quoted (quotes doubled) where they hold a
    /// comma or a quote, as the Commission's files do.</summary>
    public static string CsvLine(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));

    public static string Quote(string field) =>
        field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) || field.Contains('\n', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
