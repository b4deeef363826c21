using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Pushback;
using RightsDesk.Core;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The public summary of push-back, in the transparency section: what kind, where, which offence, how it stands. No
/// names, courts or case numbers, and the demands concerned only as a banded count (the JSON says the same, in data).
/// </summary>
public sealed class PushbackModel(PublicCatalogue catalogue, PolicyProvider policy, PushbackQueries queries) : PublicPageModel(catalogue, policy)
{
    public override string PagePath => "transparency/pushback";

    public override string Title => T["pushback.title"];

    public override string Description => T["pushback.intro"];

    public PublicPushbackSummary Summary { get; private set; } = new(0, [], []);

    public async Task<IActionResult> OnGetAsync(string? lang, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } redirect)
        {
            return redirect;
        }

        Summary = await queries.PublicAsync(ct);
        return Page();
    }

    public string Label<TEnum>(string group, TEnum value) where TEnum : struct, Enum => T[$"pushback.{group}.{JsonNames.Of(value)}"];

    public string Kind(PublicPushback p) => p.Target is { } t ? Label("kind", p.Kind) + ": " + Label("target", t) : Label("kind", p.Kind);

    public string Status(PublicPushback p) => p.Outcome is { } o ? Label("status", p.Status) + ", " + Label("outcome", o) : Label("status", p.Status);

    public string Demands(PublicPushback p) =>
        p.DemandsLow == p.DemandsHigh ? Number(p.DemandsLow) : Number(p.DemandsLow) + "–" + Number(p.DemandsHigh);

    private static string Number(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
