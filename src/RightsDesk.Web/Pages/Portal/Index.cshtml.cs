using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Demands;
using RightsDesk.Data;
using RightsDesk.Web.Demands;
using RightsDesk.Web.Portal;

namespace RightsDesk.Web.Pages.Portal;

/// <summary>The official's own demands, newest first, with where each stands. Nobody else's appear, whatever the query.</summary>
public sealed class IndexModel(PortalAccounts accounts, RightsDeskDbContext db, DemandSealing demands) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, DateTimeOffset ReceivedAt, DemandKind Kind, bool Emergency, string? Reference, DemandState State, bool NeedsAnswer, bool HasRelease);

    public PortalOfficial Official { get; private set; } = null!;
    public List<Row> Rows { get; } = [];
    public int Total { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await accounts.CurrentAsync(User, ct) is not { } official)
        {
            return NotFound();
        }

        Official = official;
        PageNumber = Math.Max(1, PageNumber);
        var mine = db.Demands.AsNoTracking().Where(d => d.RequesterUserId == official.User.Id);
        Total = await mine.CountAsync(ct);
        var records = await mine.OrderByDescending(d => d.ReceivedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = records.Select(r => r.Id).ToList();
        var open = await db.Clarifications.AsNoTracking().Where(c => ids.Contains(c.DemandId) && c.AnsweredAt == null).Select(c => c.DemandId).Distinct().ToListAsync(ct);
        var released = await db.PackageReleases.AsNoTracking().Where(r => ids.Contains(r.DemandId) && r.OfficialUserId == official.User.Id).Select(r => r.DemandId).Distinct().ToListAsync(ct);
        // The official's own reference is inside the sealed demand; a page of 50 is opened to show it.
        Rows.AddRange(records.Select(r => new Row(r.Id, r.ReceivedAt, r.Kind, r.Emergency, demands.Demand(r).Authority.Reference, r.State, open.Contains(r.Id), released.Contains(r.Id))));
        return Page();
    }
}
