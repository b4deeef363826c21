using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Partners;
using RightsDesk.Core;
using RightsDesk.Core.Partners;
using RightsDesk.Web.Defenders;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// A civil-society organisation applies to be a trusted partner: no account, no script, no cookie, forged posts
/// refused by the incident channel's guard (<see cref="IncidentGuard"/>), which also limits posts per address and
/// network. Every application gets the same answer; two people on the desk vet it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class PartnerApplyModel(PublicCatalogue catalogue, PolicyProvider policy, IncidentGuard guard, ApplyAsPartner apply)
    : PublicPageModel(catalogue, policy)
{
    public static readonly IReadOnlyList<string> AreaNames = [.. JsonNames.All<ExpertiseArea>()];

    public override string PagePath => "partners/apply";

    public override string Title => T["partners.title"];

    public override string Description => T["partners.intro"];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Refusal { get; private set; }

    public bool Received { get; private set; }

    public IFormCollection? Posted { get; private set; }

    public IActionResult OnGet(string? lang) => ChooseLanguage(lang) ?? Page();

    public async Task<IActionResult> OnPostAsync(string? lang, CancellationToken ct)
    {
        if (ChooseLanguage(lang) is { } chosen)
        {
            return chosen;
        }

        switch (guard.Check(Request, counts: true))
        {
            case IncidentRefusal.CrossSite:
                Refusal = "incident.error.origin";
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            case IncidentRefusal.TooMany:
                Refusal = "incident.error.tooMany";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
        }

        Posted = Request.Form;
        try
        {
            var application = PartnerApplicationReader.Read(new PartnerApplicationForm(
                Posted["organisation"], [.. Posted["expertise"].OfType<string>()], Posted["countries"], Posted["contactName"], Posted["contactEmail"],
                Posted["website"], Posted["about"], Language.Code));
            await apply.RunAsync(application, ct);
            Received = true;
        }
        catch (ValidationFailedException refused)
        {
            Errors = refused.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public string? Value(string field) => Posted?[field].ToString();

    public bool Checked(string field, string value) => Posted?[field].Contains(value) == true;

    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(e => e.Field == field).Select(e => T[e.Message]).Distinct();
}
