using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Partners;
using RightsDesk.Core;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Web.Partners;
using RightsDesk.Web.Public;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Partner;

/// <summary>The partner's form for an urgent case, read exactly like the API's body (<see cref="PartnersApi"/>).</summary>
public sealed class FlagModel(PartnerAccounts accounts, PartnerFlags flags, PublicCatalogue texts) : PageModel
{
    public static readonly IReadOnlyList<string> TypeNames = [.. JsonNames.All<IncidentType>()];

    /// <summary>The incident types in a partner's words: the public form's are the reporter's own ("my account").</summary>
    public static readonly IReadOnlyDictionary<string, string> TypeLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["doxxing"] = "Doxxing: someone's personal details were published", ["harassment"] = "Harassment", ["threats"] = "Threats",
        ["impersonation"] = "Impersonation", ["accountCompromise"] = "An account was taken over", ["suspectedSpyware"] = "Suspected spyware",
        ["smearCampaign"] = "A smear campaign", ["unjustTakedown"] = "Content or an account taken down or suspended unjustly", ["other"] = "Something else",
    };

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IFormCollection? Posted { get; private set; }

    [TempData] public string? Flagged { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await accounts.CurrentAsync(User, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await accounts.CurrentAsync(User, ct) is not { } partner)
        {
            return NotFound();
        }

        Posted = Request.Form;
        var body = new PartnerFlagRequest([.. Posted["types"].OfType<string>()], Posted["description"], Lines("accounts"), Lines("content"),
            Posted["urgency"], Posted["physicalDanger"].Any(v => v is "true"), Posted["country"]);
        try
        {
            var flag = await flags.FlagAsync(partner, PartnersApi.Read(body, texts.English), User.ToActor(), "page", ct);
            Flagged = flag.Reference;
            return RedirectToPage("/Partner/Index");
        }
        catch (ValidationFailedException refused)
        {
            Errors = refused.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private List<string> Lines(string field) => [.. (Posted?[field].ToString() ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public string? Value(string field) => Posted?[field].ToString();

    public bool Checked(string field, string value) => Posted?[field].Contains(value) == true;

    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message).Distinct();
}
