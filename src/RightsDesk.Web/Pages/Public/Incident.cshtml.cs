using Microsoft.AspNetCore.Mvc;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Core;
using RightsDesk.Core.Common;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Web.Defenders;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Public;

namespace RightsDesk.Web.Pages.Public;

/// <summary>
/// The incident channel's form: no account, no script, no cookie. Antiforgery tokens need a cookie, so forged posts
/// are refused by <see cref="IncidentGuard"/> instead. The receipt is shown in the answer to the post and nowhere
/// else: it is never stored, so a reload cannot show it again.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IncidentModel(PublicCatalogue catalogue, PolicyProvider policy, IncidentGuard guard, SubmitIncident submit, AttachmentStripper stripper, IncidentAttachmentOptions attachments)
    : PublicPageModel(catalogue, policy)
{
    public static readonly IReadOnlyList<string> TypeNames = [.. JsonNames.All<IncidentType>()];

    public override string PagePath => "incident";

    public override string Title => T["incident.title"];

    public override string Description => T["incident.intro"];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? Refusal { get; private set; }

    public IncidentSubmitted? Submitted { get; private set; }

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
        var form = new IncidentForm(
            [.. Posted["types"].OfType<string>()], Posted["description"], Posted["accounts"], Posted["content"], Posted["urgency"],
            Ticked("physicalDanger"), Posted["contact"], Posted["contactAddress"], Ticked("registryRequest"), Posted["country"], Language.Code)
        {
            RegistryAccounts = Posted["registryAccounts"],
        };
        try
        {
            var report = IncidentReportReader.Read(form);
            var file = await StripAsync(Posted.Files.GetFile("attachment"), ct);
            Submitted = await submit.RunAsync(report, file, file is not null && Ticked("keepOriginal"), ct);
        }
        catch (ValidationFailedException refused)
        {
            Errors = refused.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (AttachmentRefusedException refused)
        {
            Errors = [new FieldError("attachment", "incident.error.attachment." + JsonNames.Of(refused.Reason))];
            Response.StatusCode = refused.Reason == AttachmentRefusal.ToolMissing ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The posted file, stripped; nothing when none was chosen. Read only after the report passed, so a
    /// refused report never starts mat2.</summary>
    private async Task<StrippedAttachment?> StripAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        if (file.Length > attachments.MaxBytes)
        {
            throw new AttachmentRefusedException(AttachmentRefusal.TooLarge);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return await stripper.StripAsync(buffer.ToArray(), ct);
    }

    public long MaxMegabytes => attachments.MaxBytes / (1024 * 1024);

    public string? Value(string field) => Posted?[field].ToString();

    public bool Checked(string field, string value) => Posted?[field].Contains(value) == true;

    public bool Ticked(string field) => Posted?[field].Any(v => v is "true" or "on") == true;

    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(e => e.Field == field).Select(e => T[e.Message]).Distinct();
}
