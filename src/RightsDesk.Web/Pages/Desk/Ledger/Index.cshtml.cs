using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Ledger;

/// <summary>
/// The ledger as the auditor sees it: the signed tree heads and the events, newest first. No case contents: events
/// carry codes, ids, actors and times, and their leaf hashes are what the tree heads sign.
/// </summary>
[RequirePermission(Permission.LedgerRead)]
public sealed class IndexModel(RightsDeskDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    public IReadOnlyList<TreeHeadRecord> Heads { get; private set; } = [];
    public IReadOnlyList<LedgerEventRecord> Events { get; private set; } = [];
    public long Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Heads = await db.TreeHeads.AsNoTracking().OrderByDescending(h => h.Id).Take(10).ToListAsync(ct);
        Total = await db.LedgerEvents.LongCountAsync(ct);
        var q = db.LedgerEvents.AsNoTracking();
        if (Before is { } before)
        {
            q = q.Where(e => e.Seq < before);
        }

        Events = await q.OrderByDescending(e => e.Seq).Take(PageSize).ToListAsync(ct);
    }

    public static string Name(int code) => Enum.IsDefined(typeof(LedgerEventCode), code) ? ((LedgerEventCode)code).ToString() : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
