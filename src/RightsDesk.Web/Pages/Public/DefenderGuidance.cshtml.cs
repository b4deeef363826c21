using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Core;
using RightsDesk.Core.Defenders.Protection;
using RightsDesk.Core.Policy;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// Safety guidance for defenders in one country where the HRD policy's register names specific threats: the threats,
/// what the desk does with that country's demands (read from its jurisdiction profile and the operator's overrides in
/// force today), how to secure an account, and how to reach the incident channel and partner organisations.
/// </summary>
public sealed class DefenderGuidanceModel(PublicCatalogue catalogue, PolicyProvider policy, TimeProvider clock) : PublicPageModel(catalogue, policy)
{
    private JurisdictionProfile? _profile;

    public JurisdictionProfile Profile => _profile ?? throw new InvalidOperationException("The country is chosen in OnGet.");

    public HrdPolicy Hrd => Policy.Hrd ?? throw new InvalidOperationException("OnGet answers 404 without an HRD policy.");

    public string Country => CountryName(Profile);

    public override string PagePath => "defenders/" + Profile.Country.ToLowerInvariant();

    public override string Title => T.Text("guidance.title", new Arg("country", Country));

    public override string Description => T.Text("guidance.intro", new Arg("country", Country));

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The operator's decisions about this country that are in force today, which is what a demand arriving
    /// today meets; past and future ones would mislead a reader deciding what to post.</summary>
    public IReadOnlyList<PolicyOverride> OverridesInForce =>
        Profile.Overrides.Where(o => o.Since <= Today && (o.Until is null || o.Until >= Today)).ToList();

    public IEnumerable<HrdRisk> Threats => Hrd.Risks.Where(r => r.Country == Profile.Country);

    public IEnumerable<HrdPartner> Partners => Hrd.PartnersFor(Profile.Country);

    /// <summary>The acknowledgement target of the most severe level, in hours; null without incident triage policy.</summary>
    public string? UrgentHours => Policy.Defenders is { } d
        ? (d.Severities[0].AcknowledgeWithinMinutes / 60m).ToString("0.#", CultureInfo.InvariantCulture)
        : null;

    public IActionResult OnGet(string? lang, string country)
    {
        // Only the lower-case code is an address, so each page has exactly one.
        var code = country.ToUpperInvariant();
        if (Policy.Hrd is not { } hrd || country.Length != 2 || country.Any(char.IsUpper) || !hrd.HasGuidanceFor(code) || !Policy.HasProfile(code))
        {
            return NotFound();
        }

        _profile = Policy.ProfileFor(code);
        return ChooseLanguage(lang) ?? Page();
    }

    public string Feature(HrdFeature f) => T["hrd.feature." + JsonNames.Of(f)];

    public string Step(AccountSecurityStep s) => T["hrd.step." + JsonNames.Of(s)];

    /// <summary>A partner's languages by their own names where the pages are published in them, else by code.</summary>
    public string LanguagesOf(HrdPartner p) =>
        T.List(p.Languages.Select(code => Languages.FirstOrDefault(l => l.Code == code)?.Name ?? code));
}
