using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RightsDesk.Application.IllegalContentNotices;
using RightsDesk.Core;
using RightsDesk.Core.IllegalContentNotices;
using RightsDesk.Core.Security;
using RightsDesk.Web.IllegalContentNotices;
using RightsDesk.Web.Security;

namespace RightsDesk.Web.Pages.Desk.Moderation.Notices;

/// <summary>
/// The notice queue: trusted flaggers' notices first (DSA Art. 22(1)), then the oldest; a possible coordinated campaign
/// is marked on every notice of its cluster. The list shows no free text, so opening it unseals nothing.
/// </summary>
[RequirePermission(Permission.ModerationRead)]
public sealed class IndexModel(NoticeDesk desk, FlaggerAccuracyQuery flaggers, TrustedFlaggerRegistry registry, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NoticeRow> Rows { get; private set; } = [];

    /// <summary>The trusted flaggers with the share of their notices that led to action.</summary>
    public IReadOnlyList<FlaggerAccuracy> Flaggers { get; private set; } = [];

    /// <summary>The flaggers whose designation stands (token neither revoked nor expired).</summary>
    public IReadOnlySet<Guid> Standing { get; private set; } = new HashSet<Guid>();

    /// <summary>The state shown; null: every notice.</summary>
    public NoticeStatus? State { get; private set; }

    public bool All { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? state, CancellationToken ct)
    {
        All = state == "all";
        State = All ? null : JsonNames.TryParse<NoticeStatus>(state, out var s) ? s : NoticeStatus.Received;
        Now = clock.GetUtcNow();
        Rows = await desk.QueueAsync(State, ct);
        Flaggers = await flaggers.ListAsync(ct);
        Standing = await registry.StandingAsync(ct);
        return Page();
    }

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public string Age(DateTimeOffset at)
    {
        var span = Now - at;
        return span.TotalHours >= 48 ? $"{(int)span.TotalDays} d" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h" : $"{Math.Max(0, (int)span.TotalMinutes)} min";
    }

    public static string Source(NoticeRow row) => row.Source switch
    {
        NoticeSource.TrustedFlagger => "trusted flagger" + (row.Flagger is null ? "" : ": " + row.Flagger),
        NoticeSource.ReportingFlow => "platform's reporting flow",
        _ => "public form",
    };
}
