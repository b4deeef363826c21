using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsDesk.Data.Outbox;

public enum OutboxChannel { Email, Webhook }

/// <summary>Stored by name: a state is never renamed. Cancelled: staff stopped it, with a reason in the ledger.</summary>
public enum OutboxStatus { Pending, Sent, DeadLetter, Cancelled }

/// <summary>
/// A durable message waiting to leave, for any feature: written in the same transaction as the state change that
/// caused it, sent at least once with backoff, parked as a dead letter after the last attempt. What delivery means
/// for the case (a notice becomes delivered, say) is the business of the handler registered for its topic.
/// </summary>
public sealed class OutboxRecord
{
    public Guid Id { get; set; }
    /// <summary>What the message is, and so which handler learns of its delivery ("notice", "portal-mail", ...).</summary>
    public string Topic { get; set; } = "";
    /// <summary>The case it belongs to (a demand's id today), for following one case's messages.</summary>
    public string? CorrelationId { get; set; }
    /// <summary>The business object the message is about (a notice's id), for the topic's handler.</summary>
    public string? SubjectId { get; set; }
    public OutboxChannel Channel { get; set; }
    /// <summary>Derived from the business key, never random: sent with every attempt so the receiver can drop
    /// duplicates, and unique per channel so one business event cannot be queued twice.</summary>
    public string IdempotencyKey { get; set; } = "";
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The last failure, without message contents or addresses.</summary>
    public string? LastError { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    /// <summary>The recipient and the text: personal data, sealed under the row's own data key.</summary>
    public byte[] SealedPayload { get; set; } = [];
    /// <summary>A worker's lease, so several app nodes never send the same message at once.</summary>
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

internal sealed class OutboxRecordConfiguration : IEntityTypeConfiguration<OutboxRecord>
{
    public void Configure(EntityTypeBuilder<OutboxRecord> e)
    {
        e.ToTable("outbox_messages");
        e.Property(x => x.Topic).HasMaxLength(64);
        e.Property(x => x.CorrelationId).HasMaxLength(64);
        e.Property(x => x.SubjectId).HasMaxLength(64);
        e.Property(x => x.IdempotencyKey).HasMaxLength(200);
        e.Property(x => x.LastError).HasMaxLength(500);
        // Finishing a delivery checks the lease is still ours: a node whose lease ran out does not overwrite the
        // outcome recorded by the node that took the message over.
        e.Property(x => x.LockedBy).HasMaxLength(100).IsConcurrencyToken();
        e.HasIndex(x => new { x.Channel, x.IdempotencyKey }).IsUnique();
        e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        e.HasIndex(x => new { x.Topic, x.SubjectId });
        e.HasIndex(x => x.CorrelationId);
    }
}
