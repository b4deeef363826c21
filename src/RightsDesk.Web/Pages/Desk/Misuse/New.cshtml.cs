using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Misuse;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Misuse;

/// <summary>
/// One form for the three steps of Art. 23: check where a party stands (nothing is recorded), warn it, or propose its
/// suspension for a second person to confirm. The party's id is posted, never put in a URL, and the form keeps what
/// was typed when something is refused.
/// </summary>
[RequirePermission(Permission.ModerationReview)]
public sealed class NewModel(MisuseDesk desk) : PageModel
{
    private static readonly FormShape Shape = FormShape.Of();

    public PostedForm Form { get; private set; } = PostedForm.Blank(Shape, new Dictionary<string, string>(StringComparer.Ordinal) { ["language"] = "en" });
    public MisuseStatus? Status { get; private set; }
    public string? Error { get; private set; }
    public Art23Policy Policy => desk.Policy;

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostCheckAsync(CancellationToken ct) => RunAsync(async request =>
    {
        Status = await desk.StatusAsync(request.Kind, request.Party, request.PartyId, ct);
        return Page();
    }, false, true, ct);

    public Task<IActionResult> OnPostWarnAsync(CancellationToken ct) => RunAsync(async request =>
    {
        var m = await desk.WarnAsync(request, User.ToActor(), ct);
        return Redirect($"/desk/misuse/{m.Id}?done=warned");
    }, false, false, ct);

    public Task<IActionResult> OnPostProposeAsync(CancellationToken ct) => RunAsync(async request =>
    {
        var m = await desk.ProposeAsync(request, User.ToActor(), ct);
        return Redirect($"/desk/misuse/{m.Id}?done=proposed");
    }, true, false, ct);

    private async Task<IActionResult> RunAsync(Func<MisuseRequest, Task<IActionResult>> act, bool suspension, bool checkOnly, CancellationToken ct)
    {
        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), Shape);
        var errors = new List<FieldError>();
        if (!JsonNames.TryParse<MisuseKind>(form.Value("kind"), out var kind))
        {
            errors.Add(new FieldError("kind", "Choose the kind of misuse."));
        }

        if (!JsonNames.TryParse<MisuseParty>(form.Value("party"), out var party))
        {
            errors.Add(new FieldError("party", "Choose whether the party is an account or a notifier."));
        }

        DateOnly? until = null;
        if (suspension)
        {
            if (DateOnly.TryParseExact(form.Value("until"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                until = day;
            }
            else
            {
                errors.Add(new FieldError("until", "Give the suspension's last day."));
            }
        }

        var request = new MisuseRequest(kind, party, form.Value("partyId"), form.Value("reasons"), form.Value("language"), until);
        try
        {
            // A check needs no reasons: it records nothing and tells nobody.
            var found = checkOnly ? MisuseRequests.CheckParty(kind, party, request.PartyId) : MisuseRequests.Check(request);
            errors.AddRange(found.Where(e => errors.TrueForAll(x => x.Field != e.Field)));
            return errors.Count > 0 ? throw new ValidationFailedException(errors) : await act(request);
        }
        catch (ValidationFailedException v)
        {
            form.Add(v);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (WorkflowException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
