using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Core;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Incidents;

/// <summary>
/// The incident queue: what waits for acknowledgement first, most severe first, with its timers. The list shows no
/// free text, so opening it unseals nothing; the incident page does, and is ledgered.
/// </summary>
[RequirePermission(Permission.IncidentRead)]
public sealed class IndexModel(IncidentDesk desk, TimeProvider clock) : PageModel
{
    public IReadOnlyList<IncidentRow> Rows { get; private set; } = [];

    /// <summary>The state shown; null: every open incident.</summary>
    public IncidentStatus? State { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? state, CancellationToken ct)
    {
        State = JsonNames.TryParse<IncidentStatus>(state, out var s) ? s : null;
        Now = clock.GetUtcNow();
        Rows = await desk.QueueAsync(State, ct);
        return Page();
    }

    /// <summary>What the row's clock says: acknowledge by, or resolve by once acknowledged; overdue when past.</summary>
    public (string Label, DateTimeOffset Due, bool Overdue)? Timer(IncidentRow row) => row.Status switch
    {
        IncidentStatus.Received => ("acknowledge by", row.AcknowledgeBy, Now > row.AcknowledgeBy),
        IncidentStatus.Acknowledged or IncidentStatus.InProgress => ("resolve by", row.ResolveBy, Now > row.ResolveBy),
        _ => null,
    };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"1 h 20 min" left or late, for a person scanning the queue.</summary>
    public string Left(DateTimeOffset due)
    {
        var span = due - Now;
        var abs = span.Duration();
        var text = abs.TotalHours >= 48 ? $"{(int)abs.TotalDays} d" : abs.TotalHours >= 1 ? $"{(int)abs.TotalHours} h {abs.Minutes} min" : $"{abs.Minutes} min";
        return span < TimeSpan.Zero ? text + " late" : text + " left";
    }
}
