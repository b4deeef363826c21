using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Impact;
using RightsDesk.Core;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Impact;
using RightsDesk.Core.Security;
using RightsDesk.Web.Forms;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Impact;

/// <summary>
/// One assessment: its risk matrix drawn on the server, the risks most severe first, the plan, reviews and
/// benchmarks with their readings. The human rights lead's forms post the readers' JSON paths (Web/Forms).
/// </summary>
[RequirePermission(Permission.ImpactRead)]
public sealed class DetailModel(ImpactQueries queries, ImpactStore store, ImpactAssessments assessments, ImpactMitigations mitigations, ImpactReviews reviews, Benchmarks benchmarks, IMetricRegistry metrics) : PageModel
{
    public AssessmentView View { get; private set; } = null!;
    public IReadOnlyList<MetricDefinition> Metrics => metrics.All;
    public ImpactPolicy Rules => store.Rules;
    public bool CanManage => User.Can(Permission.ImpactManage);

    /// <summary>The form that was posted and refused, by its name (risk, mitigation, status, review, signOff, phase, benchmark); blank ones otherwise.</summary>
    public string? Refused { get; private set; }
    public PostedForm Form { get; private set; } = PostedForm.Blank(FormShape.Of());
    public string? Done { get; private set; }

    public PostedForm FormFor(string name) => Refused == name ? Form : PostedForm.Blank(Shapes[name]);

    private static readonly Dictionary<string, FormShape> Shapes = new(StringComparer.Ordinal)
    {
        ["risk"] = ImpactForms.Risk, ["mitigation"] = ImpactForms.Mitigation, ["status"] = ImpactForms.Status, ["review"] = ImpactForms.Review,
        ["signOff"] = FormShape.Of(), ["phase"] = FormShape.Of(), ["benchmark"] = ImpactForms.Benchmark, ["reading"] = FormShape.Of(),
    };

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The assessment as the byte-stable HTML report (`rightsdesk impact report` writes the same bytes and its PDF).</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view
            ? File(System.Text.Encoding.UTF8.GetBytes(RightsDesk.Web.Impact.ImpactReport.Render(view, store.Rules.Severity)), "text/html; charset=utf-8", $"assessment-{id:D}.html")
            : NotFound();

    /// <summary>The phases the rules let this assessment move to now (the next one, or back to analysing impacts).</summary>
    public IReadOnlyList<AssessmentPhase> NextPhases => PhaseRules.Allowed(View.Phase, View.SignedOffAt is not null);

    public Task<IActionResult> OnPostPhaseAsync(Guid id, CancellationToken ct) =>
        Act(id, "phase", (json, by) => assessments.ChangePhaseAsync(id, ImpactReader.Phase(json), by, ct), [], ct);

    public Task<IActionResult> OnPostRiskAsync(Guid id, CancellationToken ct) =>
        Act(id, "risk", async (json, by) => await assessments.AddRiskAsync(id, RiskReader.Read(json, store.Rules), by, ct) is not null, ImpactForms.RiskNumbers, ct);

    public Task<IActionResult> OnPostMitigationAsync(Guid id, CancellationToken ct) =>
        Act(id, "mitigation", async (json, by) => await mitigations.AddAsync(id, ImpactReader.Mitigation(json), by, ct) is not null, [], ct);

    public Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken ct) =>
        Act(id, "status", (json, by) => mitigations.ChangeStatusAsync(id, ImpactReader.MitigationStatus(WithEvidenceList(json)), by, ct), [], ct);

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct) =>
        Act(id, "review", async (json, by) => await reviews.ConductAsync(id, ImpactReader.Review(json), by, ct) is not null, [], ct);

    public Task<IActionResult> OnPostSignOffAsync(Guid id, Guid review, CancellationToken ct) =>
        Act(id, "signOff", (_, by) => reviews.SignOffAsync(id, review, by, ct), [], ct);

    public Task<IActionResult> OnPostBenchmarkAsync(Guid id, CancellationToken ct) =>
        Act(id, "benchmark", async (json, by) => await benchmarks.CreateAsync(id, BenchmarkReader.Read(json), by, ct) is not null, ["baseline", "target"], ct);

    public Task<IActionResult> OnPostReadingAsync(Guid id, Guid benchmark, CancellationToken ct) =>
        Act(id, "reading", async (_, by) => (await queries.BenchmarksAsync(id, ct)).Any(b => b.Id == benchmark)
            ? await benchmarks.TakeReadingAsync(benchmark, by, ct) is not null
            : throw new ValidationFailedException([new FieldError("benchmark", "Not a benchmark of this assessment.")]), [], ct);

    private async Task<IActionResult> Act(Guid id, string name, Func<JsonElement, Actor, Task<bool>> action, string[] numbers, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var form = PostedForm.From(await Request.ReadFormAsync(ct), Shapes[name]);
        try
        {
            if (!await action(ImpactForms.Json(form, numbers), User.ToActor()))
            {
                return NotFound();
            }

            return Redirect($"/desk/impact/{id}?done={name}");
        }
        catch (Exception ex) when (ex is ValidationFailedException or WorkflowException)
        {
            if (ex is ValidationFailedException v)
            {
                form.Add(v);
            }
            else
            {
                form.Add("$", ex.Message);
            }

            (Refused, Form) = (name, form);
            Response.StatusCode = ex is WorkflowException ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    /// <summary>The status form's evidence is one line per item in a text area.</summary>
    private static JsonElement WithEvidenceList(JsonElement json)
    {
        var o = System.Text.Json.Nodes.JsonObject.Create(json)!;
        if (o["evidence"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text))
        {
            o["evidence"] = new System.Text.Json.Nodes.JsonArray(text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(line => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(line)).ToArray());
        }

        return JsonSerializer.SerializeToElement(o);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, ct);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
