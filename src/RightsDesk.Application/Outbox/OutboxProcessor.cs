using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Outbox;

namespace RightsDesk.Application.Outbox;

public sealed class OutboxOptions
{
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(6);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How long a claim holds. A node that dies mid-send leaves the message to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Delivers outbox messages at least once: claim one (a lease taken by a conditional update, so of several nodes
/// exactly one wins), send it, record the outcome and let the topic's handler update the case in the same
/// transaction. Failures back off exponentially; after the last attempt the message becomes a dead letter, listed
/// for staff. Errors are recorded by kind only, never the address or the text.
/// </summary>
public sealed class OutboxProcessor(
    RightsDeskDbContext db,
    Outbox outbox,
    LedgerWriter ledger,
    IEnumerable<IOutboxTransport> transports,
    IEnumerable<IOutboxTopicHandler> handlers,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxProcessor> log)
{
    private static readonly string Node = Environment.MachineName + ":" + Environment.ProcessId + ":" + System.Security.Cryptography.RandomNumberGenerator.GetHexString(6, lowercase: true);
    private readonly Dictionary<OutboxChannel, IOutboxTransport> _transports = transports.ToDictionary(t => t.Channel);
    private readonly Dictionary<string, IOutboxTopicHandler> _handlers = handlers.ToDictionary(h => h.Topic, StringComparer.Ordinal);

    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(ct);
        var processed = 0;
        foreach (var id in candidates)
        {
            if (await ClaimAsync(id, ct) is { } message)
            {
                await DeliverAsync(message, ct);
                processed++;
            }
        }

        return processed;
    }

    /// <summary>Takes the lease, or answers null when another node holds it or the message is no longer due.</summary>
    private async Task<OutboxRecord?> ClaimAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lease = now + options.Lease;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, Node).SetProperty(m => m.LockedUntil, lease), ct);
        if (claimed != 1)
        {
            return null;
        }

        // The update bypassed the change tracker: a row this context already tracks (queued in this scope) must be
        // read again, or finishing it would check the lease against a stale value.
        if (db.Outbox.Local.FirstOrDefault(m => m.Id == id) is { } tracked)
        {
            await db.Entry(tracked).ReloadAsync(ct);
            return tracked;
        }

        return await db.Outbox.FirstAsync(m => m.Id == id, ct);
    }

    private async Task DeliverAsync(OutboxRecord message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        message.Attempts++;
        try
        {
            if (!_handlers.TryGetValue(message.Topic, out var handler))
            {
                // Nothing would record what the delivery means; sending it anyway would leave the case behind.
                message.Attempts = Math.Max(message.Attempts, options.MaxAttempts);
                throw new OutboxDeliveryException($"No handler for topic '{message.Topic}'.");
            }

            if (!_transports.TryGetValue(message.Channel, out var transport) || transport.Unavailable is not null)
            {
                throw new OutboxDeliveryException(transport?.Unavailable ?? $"No transport for channel {message.Channel}.");
            }

            await transport.SendAsync(outbox.Open(message), message.IdempotencyKey, ct);
            message.Status = OutboxStatus.Sent;
            message.SentAt = now;
            message.LastError = null;
            await handler.DeliveredAsync(message, now, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            message.LastError = ex is OutboxDeliveryException ? ex.Message : ex.GetType().Name;
            if (message.Attempts >= options.MaxAttempts)
            {
                message.Status = OutboxStatus.DeadLetter;
                if (_handlers.TryGetValue(message.Topic, out var handler))
                {
                    await handler.DeadLetteredAsync(message, ct);
                }

                log.LogWarning("Outbox message {MessageId} ({Topic}) is a dead letter after {Attempts} attempts: {Error}", message.Id, message.Topic, message.Attempts, message.LastError);
            }
            else
            {
                var delay = TimeSpan.FromTicks(Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * (1L << Math.Min(20, message.Attempts - 1))));
                message.NextAttemptAt = now + delay;
                log.LogInformation("Outbox message {MessageId} ({Topic}) attempt {Attempts} failed ({Error}); next try in {Delay}", message.Id, message.Topic, message.Attempts, message.LastError, delay);
            }
        }

        message.LockedBy = null;
        message.LockedUntil = null;
        await ledger.SaveAsync(ct);
    }
}
