using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Core.Demands;
using RightsDesk.Data;
using RightsDesk.Web.Demands;

namespace RightsDesk.Web.Pages.Desk.Demands;

/// <summary>
/// All demands, newest first, with filters. Paging is by position in the sort order (a keyset cursor), not by
/// offset, so the hundredth page costs what the first does even with a hundred thousand demands.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = "perm:DemandRead")]
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
        var q = DemandQueries.Visible(db.Demands.AsNoTracking(), User);
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
        var page = q;
        if (Cursor.TryParse(After, out var cursor))
        {
            // Rows strictly older, plus those sharing the cursor's timestamp that were not yet shown.
            var at = cursor!.Value.At;
            page = page.Where(d => d.ReceivedAt <= at);
        }
        else if (!string.IsNullOrEmpty(After))
        {
            Errors.Add("The page link is not valid; showing the first page.");
        }

        var skip = cursor?.SeenAtSameTime ?? 0;
        var rows = await page.OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Id).Skip(skip).Take(PageSize + 1).ToListAsync(ct);
        var more = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        Items = rows.Select(r => DemandSummary.From(r, today)).ToList();
        if (more && rows.Count > 0)
        {
            var last = rows[^1].ReceivedAt;
            var sameAsLast = rows.Count(r => r.ReceivedAt == last) + (cursor is { } c2 && c2.At == last ? c2.SeenAtSameTime : 0);
            NextCursor = new Cursor(last, sameAsLast).ToString();
        }
    }

    public string Link(string? after) => "/desk/demands?" + string.Join("&", new[]
    {
        Q("state", State), Q("kind", Kind), Q("country", Country), Q("authority", Authority),
        Q("deadlineBy", DeadlineBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Overdue ? "overdue=true" : null, Q("assignee", Assignee), Q("after", after),
    }.Where(p => p is not null));

    private static string? Q(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null : name + "=" + Uri.EscapeDataString(value);

    /// <summary>The last row's timestamp, and how many rows with that same timestamp have been shown.</summary>
    public readonly record struct Cursor(DateTimeOffset At, int SeenAtSameTime)
    {
        public override string ToString() => At.UtcTicks.ToString(CultureInfo.InvariantCulture) + "." + SeenAtSameTime.ToString(CultureInfo.InvariantCulture);

        public static bool TryParse(string? text, out Cursor? cursor)
        {
            cursor = null;
            var parts = (text ?? "").Split('.');
            if (parts.Length == 2 && text!.Length < 40
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seen) && seen <= 100_000)
            {
                cursor = new Cursor(new DateTimeOffset(ticks, TimeSpan.Zero), seen);
                return true;
            }

            return false;
        }
    }
}
