using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Web.Demands;

using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Demands;

/// <summary>
/// All demands, newest first, with filters. Paging is by position in the sort order (a keyset cursor), not by
/// offset, so the hundredth page costs what the first does even with a hundred thousand demands.
/// </summary>
[RequirePermission(Permission.DemandRead)]
public sealed class IndexModel(RightsDeskDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Authority { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DeadlineBy { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<DemandSummary> Items { get; private set; } = [];
    public int Total { get; private set; }
    public string? NextCursor { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var q = DemandQueries.Visible(db.Demands.AsNoTracking(), User.ToViewer());
        if (!string.IsNullOrEmpty(State))
        {
            if (JsonNames.TryParse<DemandState>(State, out var s)) { q = q.Where(d => d.State == s); } else { Errors.Add($"Unknown state '{State}'."); }
        }

        if (!string.IsNullOrEmpty(Kind))
        {
            if (JsonNames.TryParse<DemandKind>(Kind, out var k)) { q = q.Where(d => d.Kind == k); } else { Errors.Add($"Unknown kind '{Kind}'."); }
        }

        if (!string.IsNullOrWhiteSpace(Country))
        {
            var c = Country.Trim().ToUpperInvariant();
            if (c.Length == 2) { q = q.Where(d => d.AuthorityCountry == c); } else { Errors.Add("Country is a two-letter code, like BR."); }
        }

        if (!string.IsNullOrWhiteSpace(Authority))
        {
            var a = Authority.Trim();
            if (a.Length <= 100) { q = q.Where(d => d.AuthorityName.Contains(a)); } else { Errors.Add("The authority filter is limited to 100 characters."); }
        }

        if (DeadlineBy is { } by) { q = q.Where(d => d.Deadline != null && d.Deadline <= by); }
        if (Overdue) { q = DemandQueries.Open(q).Where(d => d.Deadline != null && d.Deadline < today); }
        if (!string.IsNullOrWhiteSpace(Assignee) && Assignee.Length <= 200) { var who = Assignee.Trim(); q = q.Where(d => d.AssignedTo == who); }

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

        var (rows, next) = await DemandQueries.PageAsync(q, cursor, PageSize, ct);
        Items = rows.Select(r => DemandSummary.From(r, today)).ToList();
        NextCursor = next?.ToString();
    }

    public string Link(string? after) => "/desk/demands?" + string.Join("&", new[]
    {
        Q("state", State), Q("kind", Kind), Q("country", Country), Q("authority", Authority),
        Q("deadlineBy", DeadlineBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Overdue ? "overdue=true" : null, Q("assignee", Assignee), Q("after", after),
    }.Where(p => p is not null));

    private static string? Q(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null : name + "=" + Uri.EscapeDataString(value);
}
