using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.Moderation;
using RightsDesk.Core.Security;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Moderation;

/// <summary>One account's decision history, under its keyed index (reached from the search form). Reading it is
/// ledgered.</summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class AccountModel(AccountHistory history, RightsDesk.Application.Misuse.MisuseDesk misuse) : PageModel
{
    public IReadOnlyList<AccountEvent> Lines { get; private set; } = [];

    /// <summary>The account's Art. 23 warnings and suspensions.</summary>
    public IReadOnlyList<RightsDesk.Data.Misuse.MisuseMeasureRecord> Measures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string index, CancellationToken ct)
    {
        if (!AccountHistory.IsIndex(index))
        {
            return NotFound();
        }

        Lines = await history.ReadAsync(index, User.ToActor(), ct);
        Measures = await misuse.ForAccountAsync(index, ct);
        return Page();
    }
}
