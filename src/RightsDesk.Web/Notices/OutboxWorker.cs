using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core;
using RightsDesk.Data;
using RightsDesk.Data.Encryption;
using RightsDesk.Data.Ledger;
using RightsDesk.Data.Notices;

namespace RightsDesk.Web.Notices;

public sealed class OutboxOptions
{
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(6);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Delivers outbox messages at least once: claim a batch (a lease, so several nodes never send the same message at
/// once), send, record the outcome. Failures back off exponentially; after the last attempt the message becomes a
/// dead letter, listed for staff. Errors are recorded by type and status only — never the address or the text.
/// </summary>
public sealed class OutboxProcessor(
    RightsDeskDbContext db,
    FieldCipher cipher,
    LedgerWriter ledger,
    SmtpNoticeSender smtp,
    WebhookSender webhook,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxProcessor> log)
{
    private static readonly string Node = Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N")[..6];

    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(options.BatchSize)
            .ToListAsync(ct);
        var processed = 0;
        foreach (var message in candidates)
        {
            message.LockedBy = Node;
            message.LockedUntil = now.AddMinutes(5);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // another node claimed it first
            }

            await DeliverAsync(message, ct);
            processed++;
        }

        return processed;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        message.Attempts++;
        try
        {
            var json = cipher.Decrypt(cipher.Unwrap(message.WrappedKey), message.SealedPayload, Context(message));
            if (message.Channel == OutboxChannel.Email)
            {
                if (!smtp.Configured)
                {
                    throw new InvalidOperationException("No SMTP relay is configured (Notices:Smtp:Host).");
                }

                await smtp.SendAsync(JsonSerializer.Deserialize<EmailPayload>(json, JsonNames.Options)!, message.IdempotencyKey, ct);
            }
            else
            {
                if (!webhook.Configured)
                {
                    throw new InvalidOperationException("No webhook is configured (Notices:Webhook:Url and Secret).");
                }

                await webhook.SendAsync(JsonSerializer.Deserialize<WebhookPayload>(json, JsonNames.Options)!, message.IdempotencyKey, ct);
            }

            message.Status = OutboxStatus.Sent;
            message.SentAt = now;
            message.LastError = null;
            if (message.NoticeId is { } noticeId && await db.Notices.FirstOrDefaultAsync(n => n.Id == noticeId, ct) is { } notice)
            {
                if (notice.Status != NoticeStatus.Sent)
                {
                    notice.Status = NoticeStatus.Sent;
                    notice.SentAt = now;
                }

                ledger.Record(LedgerEventCode.NoticeDelivered, "system", notice.DemandId.ToString(), new Dictionary<string, string?>
                {
                    ["notice"] = noticeId.ToString(), ["channel"] = JsonNames.Of(message.Channel), ["attempts"] = message.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            message.LastError = Describe(ex);
            if (message.Attempts >= options.MaxAttempts)
            {
                message.Status = OutboxStatus.DeadLetter;
                ledger.Record(LedgerEventCode.NoticeDeadLettered, "system", message.NoticeId?.ToString(), new Dictionary<string, string?>
                {
                    ["message"] = message.Id.ToString(), ["channel"] = JsonNames.Of(message.Channel), ["error"] = message.LastError,
                });
                log.LogWarning("Outbox message {MessageId} is a dead letter after {Attempts} attempts: {Error}", message.Id, message.Attempts, message.LastError);
            }
            else
            {
                var delay = TimeSpan.FromTicks(Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * (1L << Math.Min(20, message.Attempts - 1))));
                message.NextAttemptAt = now + delay;
                log.LogInformation("Outbox message {MessageId} attempt {Attempts} failed ({Error}); next try in {Delay}", message.Id, message.Attempts, message.LastError, delay);
            }
        }

        message.LockedBy = null;
        message.LockedUntil = null;
        await ledger.SaveAsync(ct);
    }

    /// <summary>The failure by kind, without contents: exception messages of mail libraries can quote addresses.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        HttpRequestException h when h.Message.StartsWith("The webhook answered", StringComparison.Ordinal) => h.Message,
        InvalidOperationException i when i.Message.StartsWith("No ", StringComparison.Ordinal) => i.Message,
        MailKit.Net.Smtp.SmtpCommandException s => $"SMTP {(int)s.StatusCode} ({s.ErrorCode})",
        MailKit.Net.Smtp.SmtpProtocolException => "SMTP protocol error",
        System.Net.Sockets.SocketException so => $"network error ({so.SocketErrorCode})",
        HttpRequestException => "webhook unreachable",
        TaskCanceledException => "timed out",
        _ => ex.GetType().Name,
    };

    public static string Context(OutboxMessage m) => $"{m.Id:N}:payload";
}

/// <summary>Runs the notice job and the outbox on a timer in every app node.</summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxOptions options, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NoticeJob>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError("The notice/outbox cycle failed: {Error}", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
