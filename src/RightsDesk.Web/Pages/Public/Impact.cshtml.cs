using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Impact;
using RightsDesk.Core;
using RightsDesk.Core.Impact;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The public summary of signed impact assessments, in the transparency section: what started each, what it covers,
/// where it stands, its risks, plan, consultations and benchmarks in numbers, and what was left out (the JSON says
/// the same, in data). Nothing typed on the desk reaches it.
/// </summary>
public sealed class ImpactModel(PublicCatalogue catalogue, PolicyProvider policy, PublicImpact query) : PublicPageModel(catalogue, policy)
{
    public override string PagePath => "transparency/impact";

    public override string Title => T["impact.title"];

    public override string Description => T["impact.intro"];

    public PublicImpactSummary Summary { get; private set; } = new(default, 0, 0, [], []);

    public async Task<IActionResult> OnGetAsync(string? lang, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } redirect)
        {
            return redirect;
        }

        Summary = await query.SummaryAsync(ct);
        return Page();
    }

    public string Label<TEnum>(string group, TEnum value) where TEnum : struct, Enum => T[$"impact.{group}.{JsonNames.Of(value)}"];

    /// <summary>A policy-named value (a severity band, a group) in words where the texts have them, else as the policy names it.</summary>
    public string Named(string group, string name) => T.Has($"impact.{group}.{name}") ? T[$"impact.{group}.{name}"] : name;

    public string Scope(PublicAssessment a) =>
        T.List(a.Countries.Select(CountryName).Concat(a.Products));

    /// <summary>The country in this language, else its profile's (English) name, else its code: an assessment may cover a country without a profile.</summary>
    public string CountryName(string code) => T.Country(code, Policy.Profiles.FirstOrDefault(p => p.Country == code)?.Name ?? code);

    public string Heading(PublicAssessment a) => Label("trigger", a.Trigger) + ": " + Scope(a);

    public static string Count(PublicCount c) => c.Low == c.High ? Number(c.Low) : Number(c.Low) + "–" + Number(c.High);

    public string Counts(string group, IEnumerable<PublicCount> counts) =>
        T.List(counts.Select(c => Named(group, c.Key) + " " + Count(c)));

    public string Value(PublicBenchmark b, decimal value) =>
        value.ToString("0.##", CultureInfo.InvariantCulture) + (b.Unit == "percent" ? " %" : "");

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>An ISO date isolated left to right, so an Arabic or Persian sentence does not reorder its digits.</summary>
    public static Microsoft.AspNetCore.Html.HtmlString Day(DateOnly d) => new($"<bdi dir=\"ltr\">{PublicText.Date(d)}</bdi>");
}
