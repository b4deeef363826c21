using Microsoft.AspNetCore.Mvc;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>For users and human rights defenders: what happens when a government asks about them, and what they can do.</summary>
public sealed class YourDataModel(PublicCatalogue catalogue, PolicyProvider policy) : PublicPageModel(catalogue, policy)
{
    public const string HelplineUrl = "https://www.accessnow.org/help/";

    public override string PagePath => "your-data";

    public override string Title => T["user.title"];

    public override string Description => T.Text("user.intro", new Arg("operator", Operator));

    public IActionResult OnGet(string? lang) => ChooseLanguage(lang) ?? Page();

    public string NoticeLanguages =>
        T.List(Facts.NoticeLanguages.Select(code => Languages.FirstOrDefault(l => l.Templates == code)?.Name ?? code));

    public string HighRiskCountries =>
        T.List(Facts.HighRisk.Select(CountryName).Order(Collation));
}
