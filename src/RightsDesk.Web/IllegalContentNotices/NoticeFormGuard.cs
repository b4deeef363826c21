using RightsDesk.Web.Defenders;

namespace RightsDesk.Web.IllegalContentNotices;

/// <summary>
/// The notice form's own <see cref="IncidentGuard"/>: the same same-origin check, with counters of its own, so a
/// flood of notices (a mass-reporting campaign is one) never uses up the incident channel's allowance.
/// </summary>
public sealed class NoticeFormGuard(IncidentGuardOptions options, TimeProvider clock)
{
    public IncidentGuard Guard { get; } = new(options, clock);
}
