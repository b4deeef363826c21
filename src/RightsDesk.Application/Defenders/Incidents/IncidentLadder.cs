using RightsDesk.Application.Deadlines;
using RightsDesk.Application.Policy;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Data.Deadlines;

namespace RightsDesk.Application.Defenders.Incidents;

/// <summary>
/// The escalation ladder of an incident's acknowledgement, from its severity in the policy in force: the first
/// escalation time to the human rights lead, the second to the level above, and at the target the lead again as
/// overdue. Levels that do not run around the clock keep the quiet hours. Each step goes once; several owed to one
/// person in one run become one digest (<see cref="DeadlineReminderJob"/>).
/// </summary>
public sealed class IncidentLadder(PolicyProvider policy) : IDeadlineLadder
{
    public TimeSpan Horizon =>
        policy.Current.Defenders is { } d
            ? d.Severities.Select(s => TimeSpan.FromMinutes(s.AcknowledgeWithinMinutes - s.EscalateAfterMinutes[0])).Max()
            : TimeSpan.Zero;

    public DeadlinePolicy? LadderOf(CaseKind kind, string caseStep)
    {
        const string prefix = "acknowledge:";
        if (kind != CaseKind.Incident || !caseStep.StartsWith(prefix, StringComparison.Ordinal) || policy.Current.Defenders is not { } defenders)
        {
            return null;
        }

        var level = defenders.Severities.FirstOrDefault(s => s.Id == caseStep[prefix.Length..]);
        return level is null ? null : Ladder(level, defenders.QuietHours);
    }

    public static DeadlinePolicy Ladder(SeverityLevel level, QuietHours quiet)
    {
        ArgumentNullException.ThrowIfNull(level);
        var target = TimeSpan.FromMinutes(level.AcknowledgeWithinMinutes);
        var steps = level.EscalateAfterMinutes
            .Select((m, i) => new ReminderStep(TimeSpan.FromMinutes(m) - target, i == 0 ? ReminderAudience.Lead : ReminderAudience.NextLevel))
            .Append(new ReminderStep(TimeSpan.Zero, ReminderAudience.Lead))
            .ToList();
        return new DeadlinePolicy(steps, level.AroundTheClock ? null : quiet);
    }
}
