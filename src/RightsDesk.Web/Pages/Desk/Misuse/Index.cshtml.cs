using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Misuse;
using RightsDesk.Core;
using RightsDesk.Core.Moderation.Misuse;
using RightsDesk.Core.Security;
using RightsDesk.Data.Misuse;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Misuse;

/// <summary>Art. 23 measures, newest first: proposals waiting for a second person on top of the default list. The
/// list opens no sealed field: the party is shown only on a measure's own page, where the read is ledgered.</summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class IndexModel(MisuseDesk desk, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MisuseMeasureRecord> Rows { get; private set; } = [];
    public MisuseState? State { get; private set; }
    public Art23Policy Policy => desk.Policy;
    public DateTimeOffset Now { get; } = clock.GetUtcNow();
    public bool CanAct => User.Can(Permission.ModerationReview);

    public bool InForce(MisuseMeasureRecord m) => MisuseCounts.InForce([m], Now) is not null;

    public async Task OnGetAsync(string? state, CancellationToken ct)
    {
        State = JsonNames.TryParse<MisuseState>(state, out var s) ? s : null;
        Rows = await desk.ListAsync(State, ct);
    }
}
