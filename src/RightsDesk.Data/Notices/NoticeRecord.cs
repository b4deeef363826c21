using RightsDesk.Core.Assessment;

namespace RightsDesk.Data.Notices;

public enum NoticeStatus { Planned, Held, Queued, Sent, Cancelled }

/// <summary>The notice owed to one affected user of one demand, and when it may go.</summary>
public sealed class NoticeRecord
{
    public Guid Id { get; set; }
    public Guid DemandId { get; set; }
    public int TargetIndex { get; set; }
    public NoticePlan Plan { get; set; }
    public NoticeStatus Status { get; set; }
    /// <summary>The earliest date the notice may be sent; null while a gag order has no end.</summary>
    public DateOnly? Earliest { get; set; }
    /// <summary>For indefinite non-disclosure orders: when the order next comes up for review and challenge.</summary>
    public DateOnly? ReviewAt { get; set; }
    public string Language { get; set; } = "en";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    /// <summary>When the notice job turned the queued notice into outbox messages; null while that is still to do.</summary>
    public DateTimeOffset? ComposedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
