using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Notices;
using RightsDesk.Core;
using RightsDesk.Data.Notices;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Notices;

/// <summary>Every user notice the person may see, across the desk: what is owed, what went, which gag orders are up
/// for review. A restricted case's notices are not listed, nor counted, to those outside its compartment.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = "perm:NoticeRead")]
public sealed class IndexModel(NoticeBoard board, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NoticeLine> Rows { get; private set; } = [];
    public IReadOnlyList<NoticeLine> Gagged { get; private set; } = [];
    public IReadOnlyDictionary<NoticeStatus, int> Counts { get; private set; } = new Dictionary<NoticeStatus, int>();
    public NoticeStatus? Filter { get; private set; }
    public bool DueOnly { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status, bool due, CancellationToken ct)
    {
        Filter = JsonNames.TryParse<NoticeStatus>(status, out var s) ? s : null;
        DueOnly = due;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var viewer = User.ToViewer();
        Counts = await board.CountAsync(viewer, ct);
        Rows = await board.ListAsync(viewer, Filter, due, 300, ct);
        Gagged = await board.ListAsync(viewer, NoticeStatus.Held, false, 300, ct);
        return Page();
    }
}
