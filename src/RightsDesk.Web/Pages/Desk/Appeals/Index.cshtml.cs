using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Appeals;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Security;
using RightsDesk.Data.Appeals;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Appeals;

/// <summary>The appeals queue: open and assigned appeals by the date their review is due (the SLA from policy), with
/// the time left or overdue. Looking needs ModerationRead.</summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class IndexModel(AppealReview review, PolicyProvider policies, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AppealRecord> Rows { get; private set; } = [];
    public bool All { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? show, CancellationToken ct)
    {
        All = show == "all";
        Now = clock.GetUtcNow();
        Rows = await review.QueueAsync(All, 300, ct);
        return Page();
    }

    /// <summary>The timer as staff read it: "3 d 4 h left", "overdue by 2 h", or "decided".</summary>
    public string Timer(AppealRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.State == AppealState.Decided)
        {
            return "decided";
        }

        var left = a.ReviewDue - Now;
        var span = left.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h" : $"{span.Hours} h {span.Minutes} min";
        return left < TimeSpan.Zero ? "overdue by " + text : text + " left";
    }

    public bool Urgent(AppealRecord a) =>
        a is not null && a.State != AppealState.Decided && policies.Current.Moderation is { } p && AppealRules.DueSoon(a.ReviewDue, Now, p);
}
