using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Transparency;
using RightsDesk.Core.Transparency;
using RightsDesk.Data;
using RightsDesk.Data.Transparency;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;
using RightsDesk.Web.Transparency;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The published transparency reports: the chosen period's latest version with its charts (SVG drawn on the server),
/// its tables and downloads, every earlier version with what it corrected, and what to check it against.
/// </summary>
public sealed class TransparencyModel(PublicCatalogue catalogue, PolicyProvider policy, RightsDeskDbContext db) : PublicPageModel(catalogue, policy)
{
    public override string PagePath => "transparency";

    public override string Title => T["transparency.title"];

    public override string Description => T["home.transparency.text"];

    /// <summary>Every published version, newest period and version first.</summary>
    public IReadOnlyList<TransparencyReportRecord> Versions { get; private set; } = [];

    public TransparencyReportRecord? Shown { get; private set; }

    public PublishedReport? Report { get; private set; }

    /// <summary>Each chart with its title, which the page shows as the figure's caption.</summary>
    public IReadOnlyList<(string Title, string Svg)> Charts { get; private set; } = [];

    public ReportWords Words => new(T);

    public async Task<IActionResult> OnGetAsync(string? lang, string? period, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } redirect)
        {
            return redirect;
        }

        Versions = (await db.TransparencyReports.AsNoTracking().ToListAsync(ct))
            .OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenByDescending(r => r.Version).ToList();
        Shown = Versions.FirstOrDefault(r => period is null || string.Equals(r.Period, period, StringComparison.Ordinal));
        if (Shown is not null)
        {
            Report = ReportJson.Read(Shown.FiguresJson);
            var words = Words;
            Charts = new (string Title, string? Svg)[]
            {
                (T["transparency.chart.countries"], ReportCharts.Bars(Report, "user_data_by_country", "requests", T["transparency.chart.countries"], k => k.Value)),
                (T["transparency.chart.outcomes"], ReportCharts.Bars(Report, "user_data_by_outcome", "requests", T["transparency.chart.outcomes"], k => words.Value(k.Dimension, k.Value))),
            }.Where(c => c.Svg is not null).Select(c => (c.Title, c.Svg!)).ToList();
        }

        return Page();
    }

    public IEnumerable<string> Periods => Versions.Select(v => v.Period).Distinct(StringComparer.Ordinal);

    public static string FileHref(TransparencyReportRecord r, string file) =>
        $"/transparency/files/{Uri.EscapeDataString(r.Period)}/{r.Version}/{file}";

    public static IEnumerable<IGrouping<string, PublishedFigure>> Tables(PublishedReport report) => report.Figures.GroupBy(f => f.Key.Table);

    public string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
