using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Data.Encryption;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Portal;

namespace RightsDesk.Web.Pages.Portal;

/// <summary>
/// A verified official submits a demand with its document. The form becomes the API's JSON and goes through
/// DemandReader and the CreateDemand command like any other demand: same validation, same assessment, same ledger. The channel is
/// the portal and the authority is the verified profile's, whatever the form says.
/// </summary>
[RequestFormLimits(ValueCountLimit = 100, MultipartBodyLengthLimit = CreateDemand.MaxDocumentBytes + DemandReader.MaxDocumentBytes + 64 * 1024)]
public sealed class SubmitModel(PortalAccounts accounts, CreateDemand demands, FieldCipher cipher, TimeProvider clock) : PageModel
{
    private static readonly FormShape Shape = FormShape.Of(
        lists: ["dataCategories", "restriction.territories"],
        booleans: ["emergency", "nonDisclosure.required", "document.signed", "document.officialLetterhead"]);

    /// <summary>The form, fields named by the demand's JSON paths; targets are typed one per line ("account @name").</summary>
    public PostedForm Form { get; private set; } = PostedForm.Blank(Shape);
    /// <summary>Made when the form is shown, so pressing submit twice does not make two demands.</summary>
    [BindProperty] public string? IdempotencyKey { get; set; }

    public PortalOfficial Official { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } refused)
        {
            return refused;
        }

        IdempotencyKey = System.Security.Cryptography.RandomNumberGenerator.GetHexString(32, lowercase: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } refused)
        {
            return refused;
        }

        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), Shape);
        var upload = await ReadDocument(ct);
        var contact = OfficialSealing.OpenContact(cipher, Official.Profile);
        var (json, targetLines) = PortalSubmission.Complete(form.ToJsonObject(), Official.Profile, contact, Official.User.Email ?? "", clock.GetUtcNow(), upload is not null);
        var body = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
        Demand? demand = null;
        try
        {
            demand = DemandReader.Read(body);
        }
        catch (ValidationFailedException e)
        {
            foreach (var error in e.Errors)
            {
                form.Add(PortalSubmission.Place(error, targetLines));
            }
        }

        if (form.HasErrors || demand is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var key = IdempotencyKey is { Length: > 0 and <= 64 } k ? k : null;
        try
        {
            var created = await demands.RunAsync(new CreateDemand.Request(demand, body, upload, Actor.Person(Official.User.Id, Official.User.UserName!), IntakeRoute.Portal, key, Official.User.Id), ct);
            return Redirect($"/portal/demands/{created.Record.Id}?submitted=1");
        }
        catch (ConflictException)
        {
            form.Add(PortalSubmission.General, "This form was already sent once. Check My demands before sending it again; to send it anyway, open the submission page afresh.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<Upload?> ReadDocument(CancellationToken ct)
    {
        var file = Request.HasFormContentType ? Request.Form.Files["document"] : null;
        if (file is null || file.Length == 0)
        {
            // An emergency can come before the paperwork; anything else comes with its legal process.
            if (!Form.Ticked("emergency"))
            {
                Form.Add("document", "Attach the legal process: the signed order, warrant, subpoena or request, as PDF, image or text.");
            }

            return null;
        }

        try
        {
            var upload = await DemandUploads.ReadDocumentOnlyAsync(Request, ct);
            PortalDocuments.Check(upload);
            return upload;
        }
        catch (ValidationFailedException e)
        {
            foreach (var error in e.Errors)
            {
                Form.Add("document", error.Message);
            }

            return null;
        }
    }

    /// <summary>The official, or the page that says why they cannot submit (403: registered is not verified).</summary>
    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        if (await accounts.CurrentAsync(User, ct) is not { } official)
        {
            return NotFound();
        }

        Official = official;
        if (official.CanSubmit)
        {
            return null;
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
