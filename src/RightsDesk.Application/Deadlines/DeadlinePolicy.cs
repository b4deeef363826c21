using RightsDesk.Data.Deadlines;

namespace RightsDesk.Application.Deadlines;

/// <summary>Who a reminder goes to: the person the case is assigned to, the human rights lead, or the level above
/// the lead (the administrators), where an incident goes when the lead has not answered either.</summary>
public enum ReminderAudience { Assignee, Lead, NextLevel }

/// <summary>One step of escalation: at <see cref="Offset"/> from the due time (negative is before), tell <see cref="Audience"/>.</summary>
public sealed record ReminderStep(TimeSpan Offset, ReminderAudience Audience)
{
    public bool Overdue => Offset >= TimeSpan.Zero;
}

/// <summary>The escalation ladder of one kind of case, in the order the steps fall due. With
/// <paramref name="Quiet"/>, steps that fall due in the quiet hours wait until they end.</summary>
public sealed record DeadlinePolicy(IReadOnlyList<ReminderStep> Steps, RightsDesk.Core.Defenders.Incidents.QuietHours? Quiet = null)
{
    /// <summary>At T-72h the assignee, at T-24h the lead, at T the lead again, now as overdue.</summary>
    public static DeadlinePolicy Default { get; } = new([
        new(TimeSpan.FromHours(-72), ReminderAudience.Assignee),
        new(TimeSpan.FromHours(-24), ReminderAudience.Lead),
        new(TimeSpan.Zero, ReminderAudience.Lead),
    ]);

    /// <summary>The last step whose time has come, as a count of steps (0 = none yet).</summary>
    public int StepsDue(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var due = 0;
        for (var i = 0; i < Steps.Count; i++)
        {
            if (dueAt + Steps[i].Offset <= now)
            {
                due = i + 1;
            }
        }

        return due;
    }

    /// <summary>How far ahead of a due time the first step falls: deadlines further out need no look.</summary>
    public TimeSpan Horizon => Steps.Count == 0 ? TimeSpan.Zero : -Steps.Min(s => s.Offset);
}

public sealed class DeadlineOptions
{
    /// <summary>The desk's public address; links in reminders are built from it and nothing else. Without it,
    /// reminders carry the reference only.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Ladders by kind of case; a kind not listed uses <see cref="DeadlinePolicy.Default"/>.</summary>
    public Dictionary<CaseKind, DeadlinePolicy> Policies { get; } = [];

    public int BatchSize { get; set; } = 500;

    public DeadlinePolicy For(CaseKind kind) => Policies.TryGetValue(kind, out var p) ? p : DeadlinePolicy.Default;
}

/// <summary>
/// A ladder that depends on the step rather than only the kind of case (an incident's acknowledgement follows its
/// severity in the policy in force). The reminder job asks each before falling back to <see cref="DeadlineOptions"/>.
/// </summary>
public interface IDeadlineLadder
{
    /// <summary>How far ahead of a due time this ladder's first step can fall.</summary>
    TimeSpan Horizon { get; }

    DeadlinePolicy? LadderOf(CaseKind kind, string caseStep);
}
