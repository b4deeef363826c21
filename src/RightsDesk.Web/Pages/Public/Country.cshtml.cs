using Microsoft.AspNetCore.Mvc;
using RightsDesk.Core.Policy;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>One country's profile as the desk applies it: legal process, emergencies, the operator's own decisions.</summary>
public sealed class CountryModel(PublicCatalogue catalogue, PolicyProvider policy) : PublicPageModel(catalogue, policy)
{
    private JurisdictionProfile? _profile;

    public JurisdictionProfile Profile => _profile ?? throw new InvalidOperationException("The country is chosen in OnGet.");

    public override string PagePath => "guidelines/" + Profile.Country.ToLowerInvariant();

    public override string Title => T.Text("country.title", new Arg("country", CountryName(Profile)));

    public override string Description => T.Text("guide.intro", new Arg("operator", Operator));

    public IActionResult OnGet(string? lang, string country)
    {
        // Only the lower-case code is an address, so each page has exactly one.
        if (country.Length != 2 || country.Any(char.IsUpper) || !Policy.HasProfile(country.ToUpperInvariant()))
        {
            return NotFound();
        }

        _profile = Policy.ProfileFor(country.ToUpperInvariant());
        return ChooseLanguage(lang) ?? Page();
    }
}
