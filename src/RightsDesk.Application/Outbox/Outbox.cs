using Microsoft.EntityFrameworkCore;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Outbox;

namespace RightsDesk.Application.Outbox;

/// <summary>Queues messages in the caller's unit of work: the message is saved with the state change that caused it, or not at all.</summary>
public interface IOutbox
{
    /// <summary>Adds the message to the unit of work (the caller saves). False when a message with the same channel and
    /// idempotency key is already queued or sent: the business event was already handled.</summary>
    Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// The one outbox. Payloads (recipients and texts, which are personal data) are sealed at rest like case data: a data
/// key per message, the payload bound to the message's id.
/// </summary>
public sealed class Outbox(RightsDeskDbContext db, FieldCipher cipher, TimeProvider clock) : IOutbox
{
    public async Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.Topic) || string.IsNullOrWhiteSpace(message.IdempotencyKey) || message.IdempotencyKey.Length > OutboxMessage.MaxKeyLength)
        {
            throw new ArgumentException("An outbox message needs a topic and an idempotency key of at most 200 characters.", nameof(message));
        }

        var channel = message.Channel;
        var key = message.IdempotencyKey;
        if (db.Outbox.Local.Any(m => m.Channel == channel && m.IdempotencyKey == key)
            || await db.Outbox.AnyAsync(m => m.Channel == channel && m.IdempotencyKey == key, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var record = new OutboxRecord
        {
            Id = Guid.CreateVersion7(now), Topic = message.Topic, CorrelationId = message.CorrelationId, SubjectId = message.SubjectId,
            Channel = channel, IdempotencyKey = key, CreatedAt = now, NextAttemptAt = now,
        };
        if (message.Undeliverable is { } reason)
        {
            record.Status = OutboxStatus.DeadLetter;
            record.LastError = reason;
        }
        else
        {
            var (dek, wrapped) = cipher.NewDataKey();
            record.Status = OutboxStatus.Pending;
            record.WrappedKey = wrapped;
            record.SealedPayload = cipher.Encrypt(dek, message.Payload, SealContext(record));
        }

        db.Outbox.Add(record);
        return true;
    }

    /// <summary>The payload, opened for sending.</summary>
    public string Open(OutboxRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return cipher.Decrypt(cipher.Unwrap(record.WrappedKey), record.SealedPayload, SealContext(record));
    }

    /// <summary>
    /// The associated data the payload is sealed under. It is the context the notice outbox used, and the migration
    /// carries each old row over under its own id, so payloads sealed before the one outbox open unchanged.
    /// </summary>
    public static SealingContext SealContext(OutboxRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return SealingContext.Outbox(record.Id);
    }
}
