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
    public DateTimeOffset? SentAt { get; set; }
}

public enum OutboxChannel { Email, Webhook }

public enum OutboxStatus { Pending, Sent, DeadLetter }

/// <summary>
/// A durable message waiting to leave: written in the same transaction as the state change that caused it, sent
/// at least once by the outbox worker with backoff, and parked as a dead letter after the last attempt.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public Guid? NoticeId { get; set; }
    public OutboxChannel Channel { get; set; }
    /// <summary>Sent with every attempt so the receiver can drop duplicates.</summary>
    public string IdempotencyKey { get; set; } = "";
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The last failure, without message contents or addresses.</summary>
    public string? LastError { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[] SealedPayload { get; set; } = [];
    /// <summary>A worker's claim, so several app nodes never send the same message at once.</summary>
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
