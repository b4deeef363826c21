using System.Globalization;

namespace RightsDesk.Core.Transparency.Dsa;

/// <summary>One cell: its text as the CSV writes it, and whether a workbook should hold it as a number.</summary>
public readonly record struct DsaCell(string Text, bool IsNumber)
{
    public static readonly DsaCell Empty = new("", false);

    public static implicit operator DsaCell(string text) => new(text, false);

    public static DsaCell Number(long value) => new(value.ToString(CultureInfo.InvariantCulture), true);

    public static DsaCell Hours(double? hours) => hours is { } h ? new(h.ToString("0.0", CultureInfo.InvariantCulture), true) : Empty;
}

/// <summary>A sheet of the template: its file name (the Commission's, e.g. "3_member_states_orders"), header row
/// and rows.</summary>
public sealed record DsaSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<DsaCell>> Rows);

/// <summary>What a DSA report is computed from. <paramref name="NoticeActions"/> are the actions taken on notices
/// recorded as moderation decisions; <paramref name="Measures"/> every moderation decision of the period;
/// <paramref name="Complaints"/> the appeals submitted in it; <paramref name="Notices"/> the Art. 16 notices, null
/// while no notice store exists (the cells that need them are then left empty and say why);
/// <paramref name="Qualitative"/> sheet 11's texts by indicator.</summary>
public sealed record DsaReportInput(
    string Provider, string Service, int Year, int Version, DateOnly Published, DateOnly? PreviousPublished,
    IReadOnlyList<DsaOrder> Orders, IReadOnlyList<DsaNoticeAction> NoticeActions)
{
    public IReadOnlyList<DsaMeasure> Measures { get; init; } = [];

    public IReadOnlyList<DsaComplaint> Complaints { get; init; } = [];

    /// <summary>Out-of-court disputes referred in the period, each with its outcome as of the period's end.</summary>
    public IReadOnlyList<DsaDispute> Disputes { get; init; } = [];

    public IReadOnlyList<DsaNotice>? Notices { get; init; }

    /// <summary>Art. 23 suspensions applied in the year, when a misuse store is there to count them.</summary>
    public DsaArt23? Misuse { get; init; }

    public IReadOnlyDictionary<string, string> Qualitative { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// Builds the template's eleven sheets from the record, in the template's order, with every category and keyword
/// row, every Member State, a category always equal to the sum of its keywords, and in the contextual columns what a
/// cell means, the unit of each median (hours) with its n, and why a cell is left empty.
/// </summary>
public static class DsaTemplate
{
    public const string All = "All";
    public const string HostingOnly = "Only for providers of hosting services, including online platforms";
    public const string Total = "TOTAL";

    public static IReadOnlyList<DsaSheet> Build(DsaReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var period = $"{input.Year:D4}-01-01/{input.Year:D4}-12-31";
        return
        [
            Identification(input), Categories(), DsaOrdersSheet.Build(input, period), DsaNoticesSheet.Build(input, period),
            DsaOwnInitiativeSheet.Illegal(input, period), DsaOwnInitiativeSheet.TermsAndConditions(input, period),
            DsaAppealsSheet.Build(input, period), DsaAutomatedSheet.Build(input, period),
            DsaVlopSheets.HumanResources(input, period), DsaVlopSheets.Amar(input, period), DsaVlopSheets.Qualitative(input, period),
        ];
    }

    private static DsaSheet Identification(DsaReportInput input)
    {
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        IReadOnlyList<DsaCell> Row(string indicator, string value) => [All, input.Service, indicator, value];
        return new DsaSheet("1_report_identification", DsaHeaders.ReportIdentification,
        [
            Row("Name of the service provider", input.Provider),
            Row("Date of the publication of the report", Day(input.Published)),
            Row("Date of the publication of the latest previous report", input.PreviousPublished is { } p ? Day(p) : ""),
            Row("Starting date of reporting period", Day(new DateOnly(input.Year, 1, 1))),
            Row("Ending date of reporting period", Day(new DateOnly(input.Year, 12, 31))),
            Row("Version of the report", input.Version.ToString(CultureInfo.InvariantCulture)),
            Row("Date of this version", Day(input.Published)),
        ]);
    }

    private static DsaSheet Categories()
    {
        var rows = new List<IReadOnlyList<DsaCell>> { new DsaCell[] { Total, "All the entries", Total, "" } };
        foreach (var c in DsaCategories.All)
        {
            rows.Add([c.Label, c.Description, c.Code, c.Code == DsaCategories.NotSpecifiedOrder ? DsaOrdersSheet.CategoryRule : ""]);
            rows.AddRange(c.Keywords.Select(k => (IReadOnlyList<DsaCell>)[k.Label, k.Description, k.Code, ""]));
        }

        return new DsaSheet("2_categories_names", DsaHeaders.CategoriesNames, rows);
    }

    /// <summary>The template's rows for one sheet in order: TOTAL, then each category followed by its keywords, each
    /// with the test that says which records it counts.</summary>
    public static IEnumerable<(string Code, Func<string, string?, bool> Counts)> RowsOf(IEnumerable<DsaCategory> categories)
    {
        yield return (Total, (_, _) => true);
        foreach (var c in categories)
        {
            yield return (c.Code, (cat, _) => cat == c.Code);
            foreach (var k in c.Keywords)
            {
                yield return (k.Code, (cat, kw) => cat == c.Code && (kw ?? DsaCategories.KeywordOther) == k.Code);
            }
        }
    }
}
