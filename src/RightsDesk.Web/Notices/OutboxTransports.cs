using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using System.Text.Json;
using MimeKit;
using RightsDesk.Application.Outbox;
using RightsDesk.Core;
using RightsDesk.Data.Outbox;

namespace RightsDesk.Web.Notices;

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "rightsdesk@localhost";
    /// <summary>none, startTls or sslOnConnect. Use startTls or sslOnConnect for any relay off this machine.</summary>
    public string Security { get; set; } = "startTls";
    public string? User { get; set; }
    public string? Password { get; set; }
}

public sealed class WebhookOptions
{
    public Uri? Url { get; set; }
    /// <summary>Shared secret for the HMAC signature; at least 32 characters.</summary>
    public string? Secret { get; set; }
}

/// <summary>Sends the outbox's e-mails through the operator's SMTP relay.</summary>
public sealed class SmtpNoticeSender(SmtpOptions options) : IOutboxTransport
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Host);

    public OutboxChannel Channel => OutboxChannel.Email;

    public string? Unavailable => Configured ? null : "No SMTP relay is configured (Notices:Smtp:Host).";

    public async Task SendAsync(string payload, string idempotencyKey, CancellationToken ct)
    {
        try
        {
            await SendAsync(JsonSerializer.Deserialize<EmailPayload>(payload, JsonNames.Options)!, idempotencyKey, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new OutboxDeliveryException(OutboxFailure.Describe(ex), ex);
        }
    }

    private async Task SendAsync(EmailPayload email, string idempotencyKey, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        // A stable Message-Id lets the receiving side drop a duplicate from a retried delivery. Colons, which the
        // business keys use, are not allowed on the left of a Message-Id.
        message.MessageId = idempotencyKey.Replace(':', '.') + "@rightsdesk";
        message.Headers.Add("X-RightsDesk-Idempotency-Key", idempotencyKey);
        // multipart/alternative: the plain part for any client, the HTML part for those that show it; the PDF beside.
        var bodies = MailBodies.FromMarkdown(email.Subject, email.Body);
        var body = new BodyBuilder { TextBody = bodies.Text, HtmlBody = bodies.Html };
        foreach (var file in email.Attachments ?? [])
        {
            body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        }

        message.Body = body.ToMessageBody();

        using var client = new SmtpClient();
        var security = options.Security.ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "sslonconnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Host!, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.User))
        {
            await client.AuthenticateAsync(options.User, options.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>
/// Posts events to the platform. Each request is signed: <c>X-RightsDesk-Signature: v1=hex(HMAC-SHA256(secret,
/// timestamp + "." + body))</c> with <c>X-RightsDesk-Timestamp</c> in Unix seconds, so the receiver can reject forged
/// and replayed calls (docs/api.md shows how to verify).
/// </summary>
public sealed class WebhookSender(HttpClient http, WebhookOptions options, TimeProvider clock) : IOutboxTransport
{
    public bool Configured => options.Url is not null && !string.IsNullOrEmpty(options.Secret);

    public OutboxChannel Channel => OutboxChannel.Webhook;

    public string? Unavailable => Configured ? null : "No webhook is configured (Notices:Webhook:Url and Secret).";

    public async Task SendAsync(string payload, string idempotencyKey, CancellationToken ct)
    {
        try
        {
            await SendAsync(JsonSerializer.Deserialize<WebhookPayload>(payload, JsonNames.Options)!, idempotencyKey, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new OutboxDeliveryException(OutboxFailure.Describe(ex), ex);
        }
    }

    private async Task SendAsync(WebhookPayload payload, string idempotencyKey, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url);
        request.Content = new StringContent(payload.Json, Encoding.UTF8, "application/json");
        request.Headers.Add("X-RightsDesk-Event", payload.Event);
        request.Headers.Add("X-RightsDesk-Timestamp", timestamp);
        request.Headers.Add("X-RightsDesk-Signature", "v1=" + Sign(options.Secret!, timestamp, payload.Json));
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The webhook answered {(int)response.StatusCode}.");
        }
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
}

/// <summary>The failure by kind, without contents: exception messages of mail libraries can quote addresses.</summary>
internal static class OutboxFailure
{
    public static string Describe(Exception ex) => ex switch
    {
        HttpRequestException h when h.Message.StartsWith("The webhook answered", StringComparison.Ordinal) => h.Message,
        SmtpCommandException s => $"SMTP {(int)s.StatusCode} ({s.ErrorCode})",
        SmtpProtocolException => "SMTP protocol error",
        System.Net.Sockets.SocketException so => $"network error ({so.SocketErrorCode})",
        HttpRequestException => "webhook unreachable",
        TaskCanceledException => "timed out",
        _ => ex.GetType().Name,
    };
}
