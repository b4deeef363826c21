using RightsDesk.Data.Outbox;

namespace RightsDesk.Application.Outbox;

/// <summary>A way out (SMTP, the signed webhook). The host provides them; the outbox only knows the channel.</summary>
public interface IOutboxTransport
{
    OutboxChannel Channel { get; }

    /// <summary>Why the transport cannot send (not configured), or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>Sends the opened payload. Failures are thrown as <see cref="OutboxDeliveryException"/>, described
    /// without contents.</summary>
    Task SendAsync(string payload, string idempotencyKey, CancellationToken ct);
}

/// <summary>A failed delivery, described by kind only: mail libraries' messages can quote addresses.</summary>
public sealed class OutboxDeliveryException : Exception
{
    public OutboxDeliveryException(string description)
        : base(description)
    {
    }

    public OutboxDeliveryException(string description, Exception inner)
        : base(description, inner)
    {
    }

    public OutboxDeliveryException()
    {
    }
}

/// <summary>
/// What happens to the case when a message of one topic is delivered or given up on. It runs in the unit of work
/// that records the outcome, so the case and the message never disagree.
/// </summary>
public interface IOutboxTopicHandler
{
    string Topic { get; }

    Task DeliveredAsync(OutboxRecord message, DateTimeOffset at, CancellationToken ct);

    Task DeadLetteredAsync(OutboxRecord message, CancellationToken ct);
}

/// <summary>For topics where delivery is the whole story (portal mail, staff alerts): the outbox row records it.</summary>
public sealed class DeliveryOnlyHandler(string topic) : IOutboxTopicHandler
{
    public string Topic => topic;

    public Task DeliveredAsync(OutboxRecord message, DateTimeOffset at, CancellationToken ct) => Task.CompletedTask;

    public Task DeadLetteredAsync(OutboxRecord message, CancellationToken ct) => Task.CompletedTask;
}
