using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Outbox;
using RightsDesk.Data;
using RightsDesk.Data.Outbox;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Kernel;

/// <summary>The one outbox: a business event queues one message, several nodes send it once, it is sealed at rest.</summary>
public abstract class OutboxTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static OutboxMessage Mail(string key, string to) =>
        OutboxMessage.Email(OutboxTopics.PortalMail, key, new EmailPayload(to, "Your link", "Secret body for " + to));

    private async Task<bool> EnqueueAsync(OutboxMessage message)
    {
        var added = false;
        await app.InScope(async sp =>
        {
            added = await sp.GetRequiredService<IOutbox>().EnqueueAsync(message, default);
            await sp.GetRequiredService<RightsDeskDbContext>().SaveChangesAsync();
        });
        return added;
    }

    private int Sent(string to) => app.Smtp.Messages.Count(m => m.To.Any(t => t.Contains(to, StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public async Task The_same_business_key_queues_one_message_and_two_nodes_send_it_once()
    {
        var to = $"o{Guid.NewGuid():N}"[..12] + "@police.example.gov";
        var key = $"portal-enrolment:{Guid.NewGuid()}:0011223344556677";
        Assert.True(await EnqueueAsync(Mail(key, to)));
        Assert.False(await EnqueueAsync(Mail(key, to)));

        // Two app nodes (two scopes, two contexts) claim at the same moment: the lease lets one of them send.
        var processed = new int[2];
        await Task.WhenAll(Enumerable.Range(0, 2).Select(i => app.InScope(async sp =>
            processed[i] = await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default))));
        Assert.Equal(1, Sent(to));

        await app.InScope(async sp => Assert.Equal(0, await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default)));
        Assert.Equal(1, Sent(to));
        var mail = app.Smtp.Messages.Single(m => m.To.Any(t => t.Contains(to, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(key, mail.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_mail_delivered_is_recorded_as_sent_and_nothing_more_and_its_text_is_sealed_at_rest()
    {
        var to = $"o{Guid.NewGuid():N}"[..12] + "@police.example.gov";
        var key = $"portal-account-exists:{Guid.NewGuid()}:2026-03-03";
        Assert.True(await EnqueueAsync(Mail(key, to) with { SubjectId = "account-1" }));
        long events = 0;
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.Outbox.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key);
            Assert.Equal(-1, Encoding.UTF8.GetString(row.SealedPayload).IndexOf(to, StringComparison.Ordinal));
            Assert.Equal(-1, Encoding.UTF8.GetString(row.SealedPayload).IndexOf("Secret body", StringComparison.Ordinal));
            events = await db.LedgerEvents.CountAsync();
        });

        await app.InScope(sp => sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default));
        Assert.Equal(1, Sent(to));
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.Outbox.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key);
            Assert.Equal(OutboxStatus.Sent, row.Status);
            Assert.Equal(OutboxTopics.PortalMail, row.Topic);
            Assert.Null(row.LockedBy);
            Assert.Equal(events, await db.LedgerEvents.CountAsync());
        });
    }

    [Fact]
    public async Task A_message_whose_topic_has_no_handler_is_not_sent_and_becomes_a_dead_letter()
    {
        var to = $"o{Guid.NewGuid():N}"[..12] + "@police.example.gov";
        var key = $"unknown:{Guid.NewGuid()}";
        Assert.True(await EnqueueAsync(OutboxMessage.Email("no-such-topic", key, new EmailPayload(to, "s", "b"))));
        await app.InScope(sp => sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default));
        Assert.Equal(0, Sent(to));
        await app.InScope(async sp =>
        {
            var row = await sp.GetRequiredService<RightsDeskDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key);
            Assert.Equal(OutboxStatus.DeadLetter, row.Status);
            Assert.Contains("No handler", row.LastError, StringComparison.Ordinal);
        });
    }
}

public sealed class SqliteOutboxTests(SqliteDeskApp app) : OutboxTests<SqliteDeskApp>(app);

public sealed class PostgresOutboxTests(PostgresDeskApp app) : OutboxTests<PostgresDeskApp>(app);
