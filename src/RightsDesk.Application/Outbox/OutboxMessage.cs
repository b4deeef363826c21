using System.Text.Json;
using System.Text.Json.Serialization;
using RightsDesk.Core;
using RightsDesk.Data.Outbox;

namespace RightsDesk.Application.Outbox;

/// <summary>The topics the product sends. A topic names what delivery means, through its <see cref="IOutboxTopicHandler"/>.</summary>
public static class OutboxTopics
{
    public const string Notice = "notice";
    public const string PortalMail = "portal-mail";
    /// <summary>A trusted partner's invitation to finish its account.</summary>
    public const string PartnerMail = "partner-mail";
    public const string DeadlineAlert = "deadline-alert";
    public const string Letter = "letter";
    public const string Statement = "statement";
}

/// <summary>
/// An e-mail, as the SMTP transport reads it. The shape is what rows sealed before the one outbox hold; attachments
/// are left out when there are none, so those rows and new ones without attachments read alike.
/// </summary>
public sealed record EmailPayload(string To, string Subject, string Body)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EmailAttachment>? Attachments { get; init; }
}

/// <summary>A file sent with an e-mail (a letter's PDF). The content is written as base64 in the sealed payload.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>A webhook call, as the signed-webhook transport reads it.</summary>
public sealed record WebhookPayload(string Event, string Json);

/// <summary>
/// A message to send. The idempotency key comes from the business key ("notice:{noticeId}",
/// "portal-enrolment:{accountId}:{linkId}"), never from a random value, so queuing the same business event twice
/// queues one message and a receiver can drop a retried delivery.
/// </summary>
public sealed record OutboxMessage(string Topic, OutboxChannel Channel, string IdempotencyKey, string Payload)
{
    public const int MaxKeyLength = 200;

    /// <summary>The case it belongs to (a demand's id).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The business object the topic's handler acts on when the message is delivered.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Set when there is nowhere to send it: the message is kept as a dead letter, visible to staff.</summary>
    public string? Undeliverable { get; init; }

    public static OutboxMessage Email(string topic, string idempotencyKey, EmailPayload mail) =>
        new(topic, OutboxChannel.Email, idempotencyKey, JsonSerializer.Serialize(mail, JsonNames.Options));

    public static OutboxMessage Webhook(string topic, string idempotencyKey, WebhookPayload call) =>
        new(topic, OutboxChannel.Webhook, idempotencyKey, JsonSerializer.Serialize(call, JsonNames.Options));
}
