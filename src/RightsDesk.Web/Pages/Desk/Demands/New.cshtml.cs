using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Demands;

/// <summary>
/// Typing up a demand that arrived by post, fax or email. The form is turned into the API's JSON and read by the same
/// reader, so the rules are the same; every error is shown next to its field and nothing typed is lost.
/// </summary>
[RequirePermission(Permission.DemandCreate)]
[RequestSizeLimit(Hosting.RightsDeskWeb.MaxRequestBytes)]
public sealed class NewModel(CreateDemand demands, TimeProvider clock) : PageModel
{
    public const int TargetRows = 6;

    private static readonly FormShape Shape = FormShape.Of(
        lists: ["dataCategories", "restriction.territories"],
        booleans: ["emergency", "authority.verified", "nonDisclosure.required", "document.written", "document.signed", "document.officialLetterhead"],
        utcTimes: ["receivedAt"],
        rows: new Dictionary<string, string>(StringComparer.Ordinal) { ["targets"] = "id" });

    /// <summary>The form, fields named by the demand's JSON paths: its defaults until posted, then every value as typed.</summary>
    public PostedForm Form { get; private set; } = PostedForm.Blank(Shape);
    public string Submission { get; private set; } = "";

    public void OnGet()
    {
        Submission = System.Security.Cryptography.RandomNumberGenerator.GetHexString(32, lowercase: true);
        Form = PostedForm.Blank(Shape, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["receivedAt"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["document.written"] = "true",
        });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var posted = await Request.ReadFormAsync(ct);
        Submission = posted["__submission"].ToString() is { Length: > 0 and <= 64 } sub ? sub : System.Security.Cryptography.RandomNumberGenerator.GetHexString(32, lowercase: true);
        var form = Form = PostedForm.From(posted, Shape);
        var body = System.Text.Encoding.UTF8.GetBytes(form.ToJsonObject().ToJsonString());
        Demand demand;
        Upload? upload = null;
        try
        {
            demand = DemandReader.Read(body);
            if (posted.Files["document"] is { Length: > 0 } file)
            {
                upload = await DemandUploads.ToUpload(file, ct);
            }
        }
        catch (ValidationFailedException ex)
        {
            form.Add(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The submission id makes a double click or a resent form create one demand, not two.
        var created = await demands.RunAsync(new CreateDemand.Request(demand, body, upload, User.ToActor(), IntakeRoute.Desk, "form:" + Submission), ct);
        return Redirect($"/desk/demands/{created.Record.Id}?done=received");
    }

    public static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum => JsonNames.All<TEnum>();
}
