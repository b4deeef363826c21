using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger.Events;
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

    /// <summary>Subjects of this page that are compartmented cases the reader is not cleared for: shown without their
    /// id, as every list shows them (the events still count, and their leaf hashes still verify).</summary>
    public IReadOnlySet<string> Compartmented { get; private set; } = new HashSet<string>();

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
        if (!Core.Cases.Compartments.SeesAllRestricted(Security.Principals.ToViewer(User)))
        {
            var subjects = Events.Select(e => Guid.TryParse(e.SubjectId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
            var hidden = await db.Demands.AsNoTracking().Where(d => subjects.Contains(d.Id) && d.Restricted).Select(d => d.Id).ToListAsync(ct);
            Compartmented = hidden.Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal);
        }
    }

    public static string Name(int code) => LedgerCodeRanges.NameOf(code);
}
