using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Policy;
using RightsDesk.Web.Hosting;

namespace RightsDesk.Web.Public;

/// <summary>
/// The common ground of the public pages: the language (from the path, or negotiated from Accept-Language when the
/// path has none), the policy in force, and the links to the same page in every language.
/// </summary>
public abstract class PublicPageModel(PublicCatalogue catalogue, PolicyProvider policy) : PageModel
{
    public const string LayoutKey = "RightsDesk.PublicPage";

    /// <summary>Where officials sign in to submit demands; the portal pages own this path.</summary>
    public const string PortalPath = "/portal";

    private PublicText? _text;
    private PolicyLabels? _labels;

    public PublicText T => _text ?? throw new InvalidOperationException("The language is chosen in OnGet.");
    public PublicLanguage Language => T.Language;
    public IReadOnlyList<PublicLanguage> Languages => catalogue.Languages;
    public PolicySet Policy { get; } = policy.Current;
    public PolicyFacts Facts => PolicyFacts.For(Policy);
    public PolicyLabels Labels => _labels ??= PolicyLabels.For(Policy, Language.Templates);
    public string Operator => Policy.Operator.Name;

    /// <summary>The page's path after the language segment: "" for the home page, "guidelines", ….</summary>
    public abstract string PagePath { get; }

    public abstract string Title { get; }

    /// <summary>What search engines show under the title: the page's own introduction.</summary>
    public virtual string Description => T.Text("home.intro", new Arg("operator", Operator));

    /// <summary>
    /// An absolute address for canonical and language links, built from the configured public URL only (never from the
    /// request's Host header, which a caller chooses); without one configured the link stays relative.
    /// </summary>
    public string Absolute(string path) =>
        HttpContext.RequestServices.GetService(typeof(PublicUrl)) is PublicUrl { Configured: { } root } ? root.TrimEnd('/') + path : path;

    public string PathFor(PublicLanguage language) => PagePath.Length == 0 ? $"/{language.Code}/" : $"/{language.Code}/{PagePath}";

    public string Href(string pagePath) => pagePath.Length == 0 ? $"/{Language.Code}/" : $"/{Language.Code}/{pagePath}";

    /// <summary>The address without a language, which negotiates one: the x-default alternate.</summary>
    public string NeutralPath => "/" + PagePath;

    public string CountryName(JurisdictionProfile p) => T.Country(p.Country, p.Name);

    public string Any(IEnumerable<LegalProcess> processes) => T.List(processes.Select(Labels.Of));

    public string Categories(IEnumerable<DataCategory> categories) => T.List(categories.Select(Labels.Of));

    /// <summary>A label (written to run inside a sentence) as it starts a table cell: first letter in upper case.</summary>
    public string Capital(string label) =>
        label.Length == 0 ? label : Culture.TextInfo.ToUpper(label[0]) + label[1..];

    private CultureInfo Culture => _culture ??= CultureOf(Language.Code);

    private CultureInfo? _culture;

    /// <summary>Countries in the order readers of this language expect.</summary>
    public IComparer<string> Collation => _collation ??= Collate(Language.Code);

    private IComparer<string>? _collation;

    /// <summary>Chooses the language; null to go on, or the result to answer with (404 for a language not published).</summary>
    protected IActionResult? ChooseLanguage(string? lang)
    {
        PublicText? text;
        if (lang is null)
        {
            text = catalogue.For(catalogue.Negotiate(Request.GetTypedHeaders().AcceptLanguage));
            Response.Headers.Vary = "Accept-Language";
        }
        else
        {
            text = catalogue.Find(lang);
            if (text is null)
            {
                return NotFound();
            }
        }

        _text = text;
        Response.Headers.ContentLanguage = text.Language.Code;
        ViewData[LayoutKey] = this;
        return null;
    }

    private static StringComparer Collate(string code) => StringComparer.Create(CultureOf(code), ignoreCase: true);

    private static CultureInfo CultureOf(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code);
        }
        catch (CultureNotFoundException)
        {
            // A language ICU does not know still gets its pages, sorted and cased the invariant way.
            return CultureInfo.InvariantCulture;
        }
    }
}
