using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Core.Policy;
using RightsDesk.Core.Security;
using RightsDesk.Web.Hosting;
using RightsDesk.Web.Policy;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Admin;

/// <summary>View and edit the jurisdiction profiles, the offence catalogue and the operator's overrides.</summary>
[RequirePermission(Permission.PolicyManage)]
public sealed class PolicyModel(PolicyEditor editor, PolicyProvider provider) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? PolicyFile { get; set; }
    [BindProperty] public string Text { get; set; } = "";
    public IReadOnlyList<string> Files { get; private set; } = [];
    public string Version => provider.Current.Version;
    public string? Error { get; private set; }
    public string? Saved { get; private set; }

    public IActionResult OnGet()
    {
        Files = editor.EditableFiles();
        if (PolicyFile is not null)
        {
            var text = editor.Read(PolicyFile);
            if (text is null)
            {
                return NotFound();
            }

            Text = text;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Files = editor.EditableFiles();
        try
        {
            var set = await editor.SaveAsync(PolicyFile ?? "", Text ?? "", User.Actor(), ct);
            Saved = $"Saved. The policy in force is now version {set.Version}; new assessments use it.";
        }
        catch (PolicyException ex)
        {
            Error = "Not saved: " + ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
