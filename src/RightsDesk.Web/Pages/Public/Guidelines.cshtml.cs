using Microsoft.AspNetCore.Mvc;
using RightsDesk.Core.Policy;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

public sealed class GuidelinesModel(PublicCatalogue catalogue, PolicyProvider policy) : PublicPageModel(catalogue, policy)
{
    /// <summary>The sections in page order: fragment id and heading key.</summary>
    public static readonly IReadOnlyList<(string Id, string Heading)> Sections =
    [
        ("submit", "guide.submit"),
        ("contents", "guide.contains"),
        ("legal-process", "guide.process"),
        ("scope", "guide.scope"),
        ("emergencies", "guide.emergency"),
        ("preservation", "guide.preserve"),
        ("other-countries", "guide.foreign"),
        ("notice", "guide.notice"),
        ("restrictions", "guide.restrict"),
        ("shutdowns", "guide.shutdown"),
        ("decisions", "guide.decide"),
        ("countries", "guide.countries"),
    ];

    public override string PagePath => "guidelines";

    public override string Title => T["guide.title"];

    public override string Description => T.Text("guide.intro", new Arg("operator", Operator));

    public IActionResult OnGet(string? lang) => ChooseLanguage(lang) ?? Page();

    /// <summary>Countries from the highest risk tier down, alphabetical within a tier in the reader's language.</summary>
    public IEnumerable<JurisdictionProfile> CountriesByRisk =>
        Facts.Profiles.OrderByDescending(p => p.RiskTier).ThenBy(CountryName, Collation);

    public string NoticeLanguages =>
        T.List(Facts.NoticeLanguages.Select(code => Languages.FirstOrDefault(l => l.Templates == code)?.Name ?? code));
}
