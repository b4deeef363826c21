using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Demands;

/// <summary>
/// Typing up a demand that arrived by post, fax or email. The form is turned into the API's JSON and read by the same
/// reader, so the rules are the same; every error is shown next to its field and nothing typed is lost.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = "perm:DemandCreate")]
[RequestSizeLimit(Hosting.RightsDeskWeb.MaxRequestBytes)]
public sealed class NewModel(CreateDemand demands, TimeProvider clock) : PageModel
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Checked { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);
    public string Submission { get; private set; } = "";

    public void OnGet()
    {
        Submission = Guid.NewGuid().ToString("N");
        Values["receivedAt"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Checked.Add("document.written");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = await Request.ReadFormAsync(ct);
        Submission = form["__submission"].ToString() is { Length: > 0 and <= 64 } sub ? sub : Guid.NewGuid().ToString("N");
        foreach (var (k, v) in form)
        {
            if (k.Length <= 100 && !k.StartsWith("__", StringComparison.Ordinal))
            {
                Values[k] = string.Join(", ", v.ToArray());
                foreach (var item in v)
                {
                    Checked.Add(k + "=" + item);
                    if (item is "true" or "on") { Checked.Add(k); }
                }
            }
        }

        var body = DemandForm.ToJson(form);
        Demand demand;
        Upload? upload = null;
        try
        {
            demand = DemandReader.Read(body);
            if (form.Files["document"] is { Length: > 0 } file)
            {
                upload = await DemandUploads.ToUpload(file, ct);
            }
        }
        catch (ValidationFailedException ex)
        {
            foreach (var e in ex.Errors)
            {
                var key = e.Field.TrimStart('$', '.');
                (Errors.TryGetValue(key, out var list) ? list : Errors[key] = []).Add(e.Message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The submission id makes a double click or a resent form create one demand, not two.
        var created = await demands.RunAsync(new CreateDemand.Request(demand, body, upload, User.ToActor(), IntakeRoute.Desk, "form:" + Submission), ct);
        return Redirect($"/desk/demands/{created.Record.Id}?done=received");
    }

    public string V(string name) => Values.TryGetValue(name, out var v) ? v : "";

    public bool Is(string name, string? value = null) => Checked.Contains(value is null ? name : name + "=" + value);

    public IEnumerable<string> ErrorsFor(string name) => Errors.TryGetValue(name, out var l) ? l : [];

    /// <summary>Errors whose path is not a field on the form (e.g. the whole targets list).</summary>
    public IEnumerable<KeyValuePair<string, List<string>>> OtherErrors(IReadOnlySet<string> shown) => Errors.Where(e => !shown.Contains(e.Key));

    public static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum => JsonNames.All<TEnum>();
}
