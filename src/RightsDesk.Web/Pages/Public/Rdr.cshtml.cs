using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Transparency;
using RightsDesk.Core;
using RightsDesk.Core.Transparency;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The RDR self-assessment, in the transparency section: each indicator with its score, and each element with what
/// the platform does, the evidence from its own records, the gap and where to check it (the JSON says the same).
/// </summary>
public sealed class RdrModel(PublicCatalogue catalogue, PolicyProvider policy, RdrQuery query) : PublicPageModel(catalogue, policy)
{
    public override string PagePath => "transparency/rdr";

    public override string Title => T["rdr.title"];

    public override string Description => T["rdr.intro"];

    public RdrSelfAssessmentView Assessment { get; private set; } = new(default, "", null, null, []);

    public async Task<IActionResult> OnGetAsync(string? lang, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } redirect)
        {
            return redirect;
        }

        Assessment = await query.AssessAsync(ct);
        return Page();
    }

    public string Status(RdrStatus status) => T["rdr.status." + JsonNames.Of(status)];

    /// <summary>Evidence links point at the English pages; on another language's page they point at its own.</summary>
    public string Link(string link) => link.StartsWith("/en/", StringComparison.Ordinal) ? Href(link[4..]) : link;
}
