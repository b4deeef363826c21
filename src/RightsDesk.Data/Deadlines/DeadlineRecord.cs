using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Deadlines;

/// <summary>The kinds of case that carry deadlines. Stored by name, so new kinds never renumber old rows.</summary>
public enum CaseKind { Demand, Appeal, Incident }

/// <summary>
/// One deadline of one step of one case (a demand's response date, an appeal's SLA, an incident's acknowledgement
/// target), and how far its reminders have escalated. No case text is kept here: reminders name the case by
/// reference and link to it.
/// </summary>
public sealed class DeadlineRecord
{
    public Guid Id { get; set; }
    public CaseKind CaseKind { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The step the deadline belongs to, for example "response" or "acknowledgement".</summary>
    public string Step { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    /// <summary>The staff account's user name the case is assigned to, if any; reminders for the assignee go there.</summary>
    public string? Assignee { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when the step is done; a met deadline sends nothing more.</summary>
    public DateTimeOffset? MetAt { get; set; }
    /// <summary>How many reminder steps of the policy have been sent (0 = none): each step goes once.</summary>
    public int RemindersSent { get; set; }
    public DateTimeOffset? LastReminderAt { get; set; }
}

internal sealed class DeadlineRecordConfiguration : IEntityTypeConfiguration<DeadlineRecord>
{
    public void Configure(EntityTypeBuilder<DeadlineRecord> e)
    {
        e.ToTable("deadlines");
        e.Property(x => x.Step).HasMaxLength(64);
        e.Property(x => x.Assignee).HasMaxLength(200);
        // Two nodes running the reminder job at once: the second one's advance of the same step fails instead of sending twice.
        e.Property(x => x.RemindersSent).IsConcurrencyToken();
        e.HasIndex(x => new { x.CaseKind, x.CaseId, x.Step }).IsUnique();
        // The reminder job's scan: open deadlines by due date.
        e.HasIndex(x => new { x.MetAt, x.DueAt });
    }
}
