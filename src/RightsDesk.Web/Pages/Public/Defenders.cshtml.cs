using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using RightsDesk.Core;
using RightsDesk.Core.Defenders.Protection;
using RightsDesk.Core.Impact;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The public commitment to human rights defenders, generated from policy/hrd-policy.json: the commitment and who
/// endorsed it, whom it protects, the risk register, the benchmarks it is measured by and when it is reviewed.
/// </summary>
public sealed class DefendersModel(PublicCatalogue catalogue, PolicyProvider policy, TimeProvider clock) : PublicPageModel(catalogue, policy)
{
    public HrdPolicy Hrd => Policy.Hrd ?? throw new InvalidOperationException("OnGet answers 404 without an HRD policy.");

    public override string PagePath => "defenders";

    public override string Title => T["hrd.title"];

    public override string Description => T.Text("hrd.intro", new Arg("operator", Operator));

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IActionResult OnGet(string? lang) => Policy.Hrd is null ? NotFound() : ChooseLanguage(lang) ?? Page();

    public string Feature(HrdFeature f) => T["hrd.feature." + JsonNames.Of(f)];

    public string Groups(IEnumerable<HrdGroup> groups) => T.List(groups.Select(g => T["hrd.group." + JsonNames.Of(g)]));

    public string Where(HrdRisk r) => r.Country is { } c ? T.Country(c, Policy.ProfileFor(c).Name) : T["hrd.risk.everywhere"];

    /// <summary>Countries with guidance pages, in the order readers of this language sort their names.</summary>
    public IEnumerable<(string Code, string Name)> GuidanceCountries =>
        Hrd.GuidanceCountries.Select(c => (c, T.Country(c, Policy.ProfileFor(c).Name))).OrderBy(c => c.Item2, Collation);

    public string Target(HrdBenchmark b) =>
        T.Text(b.Direction == BenchmarkDirection.AtLeast ? "hrd.target.atLeast" : "hrd.target.atMost",
            new Arg("target", b.Target.ToString("0.##", CultureInfo.InvariantCulture)));
}
