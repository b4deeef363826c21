using Microsoft.AspNetCore.Mvc;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

public sealed class IndexModel(PublicCatalogue catalogue, PolicyProvider policy) : PublicPageModel(catalogue, policy)
{
    public override string PagePath => "";

    public override string Title => T.Text("home.title", new Arg("operator", Operator));

    public IActionResult OnGet(string? lang) => ChooseLanguage(lang) ?? Page();
}
