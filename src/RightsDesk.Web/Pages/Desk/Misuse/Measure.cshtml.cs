using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Misuse;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Misuse;

/// <summary>One Art. 23 measure: the party and the reasons (opening them is a ledgered read), the warning a
/// suspension rests on, and the second person's forms: confirm or decline a proposal, lift a suspension in force.</summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class MeasureModel(MisuseDesk desk, MisuseSuspensions suspensions, TimeProvider clock) : PageModel
{
    private static readonly FormShape Shape = FormShape.Of();

    public MisuseView View { get; private set; } = null!;
    public PostedForm Form { get; private set; } = PostedForm.Blank(Shape);
    public string? Error { get; private set; }
    public string? Done { get; private set; }
    public bool CanAct => User.Can(Permission.ModerationReview);
    public bool InForce => MisuseCounts.InForce([View.Measure], clock.GetUtcNow()) is not null;

    /// <summary>Whether the signed-in person proposed it: they may not be its second person.</summary>
    public bool Proposer => string.Equals(View.Measure.CreatedById, User.ToActor().Id, StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done is "warned" or "proposed" or "confirmed" or "declined" or "lifted" ? done : null;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "confirmed", () => suspensions.ConfirmAsync(id, User.ToActor(), ct), ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "declined", async () => await suspensions.DeclineAsync(id, Form.Value("reasons"), User.ToActor(), ct), ct);

    public Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "lifted", async () => await suspensions.LiftAsync(id, Form.Value("reasons"), User.ToActor(), ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Task<Data.Misuse.MisuseMeasureRecord?>> act, CancellationToken ct)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var form = Form = PostedForm.From(await Request.ReadFormAsync(ct), Shape);
        try
        {
            return await act() is null ? NotFound() : Redirect($"/desk/misuse/{id}?done={done}");
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

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await desk.OpenAsync(id, User.ToActor(), ct);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
