using RightsDesk.Core.Ledger.Events;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Application.Demands;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Demands;
using RightsDesk.Data.Ledger;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Demands;

/// <summary>
/// All demands, newest first, with filters. Paging is by position in the sort order (a keyset cursor), not by
/// offset, so the hundredth page costs what the first does even with a hundred thousand demands. A search by a
/// target's identifier or an officer's name is posted, never put in the address, and goes through the keyed index.
/// </summary>
[RequirePermission(Permission.DemandRead)]
public sealed class IndexModel(RightsDeskDbContext db, TimeProvider clock, DemandSearchIndex index, Colleagues colleagues, LedgerWriter ledger) : PageModel
{
    public const int PageSize = 50;
    public const int ExportLimit = 10_000;

    [BindProperty(SupportsGet = true)] public DemandFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<DemandSummary> Items { get; private set; } = [];
    public int Total { get; private set; }
    public string? NextCursor { get; private set; }
    public List<string> Errors { get; } = [];
    public IReadOnlyList<Colleague> People { get; private set; } = [];
    public IReadOnlyList<SavedFilter> Saved { get; private set; } = [];
    /// <summary>Set when the list shows the result of a posted identifier search (which is not in the address).</summary>
    public bool Searched { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Done = Request.Query["done"].ToString() is { Length: > 0 and < 60 } d ? d : null;
        await ListAsync(Query(), ct);
    }

    /// <summary>Posted so the identifier stays out of addresses and logs; the search itself is a ledger event.</summary>
    public async Task<IActionResult> OnPostSearchAsync(string? identifier, string? country, CancellationToken ct)
    {
        var q = Query();
        var typed = identifier?.Trim();
        if (string.IsNullOrEmpty(typed) || typed.Length > 300)
        {
            Errors.Add("Type a target's identifier or an officer's name (up to 300 characters).");
        }
        else
        {
            var matches = index.DemandsWithTarget(typed, country is { Length: 2 } c ? c : null);
            q = q.Where(d => matches.Contains(d.Id));
            Searched = true;
            ledger.Record(new DemandTargetSearched(), User.ToActor(), null);
            await ledger.SaveAsync(ct);
        }

        await ListAsync(q, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? name, CancellationToken ct)
    {
        var label = name?.Trim();
        if (label is not { Length: > 0 and <= 80 })
        {
            Errors.Add("Name the filter (up to 80 characters).");
            await ListAsync(Query(), ct);
            return Page();
        }

        var me = User.ToActor().Id;
        var query = Filter.ToQuery();
        var existing = await db.SavedFilters.FirstOrDefaultAsync(f => f.OwnerId == me && f.Name == label, ct);
        if (existing is null)
        {
            db.SavedFilters.Add(new SavedFilter { Id = Guid.CreateVersion7(clock.GetUtcNow()), OwnerId = me, Name = label, Query = query, CreatedAt = clock.GetUtcNow() });
        }
        else
        {
            existing.Query = query;
        }

        await db.SaveChangesAsync(ct);
        return Redirect("/desk/demands?" + query + (query.Length > 0 ? "&" : "") + "done=filter+saved");
    }

    public async Task<IActionResult> OnPostForgetAsync(Guid savedId, CancellationToken ct)
    {
        var me = User.ToActor().Id;
        await db.SavedFilters.Where(f => f.Id == savedId && f.OwnerId == me).ExecuteDeleteAsync(ct);
        return Redirect("/desk/demands?done=filter+removed");
    }

    /// <summary>The list as CSV: the same filters and compartments as the page, every matching row up to the limit.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var q = Query();
        if (Errors.Count > 0)
        {
            await ListAsync(q, ct);
            return Page();
        }

        var today = Today;
        var rows = await q.OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Id).Take(ExportLimit).ToListAsync(ct);
        ledger.Record(new DemandListExported(rows.Count, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Filter.ToQuery())))), User.ToActor(), null);
        await ledger.SaveAsync(ct);
        var csv = DemandCsv.Write(rows.Select(r => DemandSummary.From(r, today)), HttpContext.RequestServices.GetRequiredService<DeskText>().Words);
        return File(csv, "text/csv; charset=utf-8", $"demands-{today:yyyy-MM-dd}.csv");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private IQueryable<DemandRecord> Query() =>
        Filter.Apply(DemandQueries.Visible(db.Demands.AsNoTracking(), User.ToViewer()), Today, Errors);

    private async Task ListAsync(IQueryable<DemandRecord> q, CancellationToken ct)
    {
        People = await colleagues.ListAsync(ct);
        var me = User.ToActor().Id;
        Saved = await db.SavedFilters.AsNoTracking().Where(f => f.OwnerId == me).OrderBy(f => f.Name).ToListAsync(ct);
        Total = await q.CountAsync(ct);
        ListCursor? cursor = null;
        if (ListCursor.TryParse(After, out var parsed))
        {
            cursor = parsed;
        }
        else if (!string.IsNullOrEmpty(After))
        {
            Errors.Add("The page link is not valid; showing the first page.");
        }

        var (rows, next) = await DemandQueries.PageAsync(q, Searched ? null : cursor, PageSize, ct);
        var today = Today;
        Items = rows.Select(r => DemandSummary.From(r, today)).ToList();
        NextCursor = Searched ? null : next?.ToString();
    }

    public string Link(string? after) => "/desk/demands?" + Filter.ToQuery() + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
}
