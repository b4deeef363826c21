using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Originals;
using RightsDesk.Core;
using RightsDesk.Core.Originals;
using RightsDesk.Web.Public;
using RightsDesk.Web.Transparency;

namespace RightsDesk.Web.Pages.Public;

/// <summary>One published original of the public tier: the demand's header and own words with personal data marked,
/// and its redaction list by kind and rule (never the removed text). A country, year or file that names no published
/// original is 404, whether it never existed, is held by a non-disclosure order or is not decided yet.</summary>
public sealed class TakedownModel(PublicCatalogue catalogue, PolicyProvider policy, TakedownPages pages) : PublicPageModel(catalogue, policy)
{
    private SelectedOriginal? _shown;

    public SelectedOriginal Shown => _shown ?? throw new InvalidOperationException("The original is chosen in OnGet.");

    public override string PagePath => TakedownHrefs.Path(Shown.Original);

    public override string Title => T.Text("takedowns.original.title", new Arg("reference", Shown.Reference));

    public override string Description => T["takedowns.intro"];

    public async Task<IActionResult> OnGetAsync(string? lang, string country, string year, string file, CancellationToken ct)
    {
        _shown = await pages.FindAsync(OriginalTier.Public, country, year, file, ct);
        if (_shown is null)
        {
            return NotFound();
        }

        return ChooseLanguage(lang) ?? Page();
    }

    public string CountryLabel(string code) => T.Country(code, code);

    public string Kind(OriginalRedactionKind kind) => T["takedowns.kind." + JsonNames.Of(kind)];

    public string Reason(string rule) => Policy.Originals?.Rules.FirstOrDefault(r => r.Id == rule)?.Reason ?? "";
}
