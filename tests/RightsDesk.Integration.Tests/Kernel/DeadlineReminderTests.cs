using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using RightsDesk.Application.Deadlines;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Deadlines;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Kernel;

/// <summary>Deadline reminders on the injected clock: each step once, escalating, one digest when several fall due.</summary>
public abstract class DeadlineReminderTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static readonly DeadlineOptions Options = new() { PublicBaseUrl = new Uri("https://desk.example.org/") };

    private static string NewEmail(string who) => $"{who}{Guid.NewGuid():N}"[..14] + "@desk.example";

    private async Task<string> UserNameOf(string email)
    {
        var name = "";
        await app.InScope(async sp => name = (await sp.GetRequiredService<RightsDeskDbContext>().Users.SingleAsync(u => u.Email == email)).UserName!);
        return name;
    }

    private async Task<Guid> SetAsync(TimeSpan dueIn, string? assignee)
    {
        var caseId = Guid.NewGuid();
        await app.InScope(async sp =>
        {
            await sp.GetRequiredService<Deadlines>().SetAsync(CaseKind.Demand, caseId, "response", app.Clock.GetUtcNow() + dueIn, assignee, default);
            await sp.GetRequiredService<RightsDeskDbContext>().SaveChangesAsync();
        });
        return caseId;
    }

    /// <summary>One run of the reminder job and of the outbox, as the worker does it.</summary>
    private async Task RunAsync() => await app.InScope(async sp =>
    {
        await ActivatorUtilities.CreateInstance<DeadlineReminderJob>(sp, Options).RunAsync(default);
        await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default);
    });

    private async Task<List<MimeMessage>> MailTo(string email)
    {
        var mails = new List<MimeMessage>();
        foreach (var m in app.Smtp.Messages.Where(m => m.To.Any(t => t.Contains(email, StringComparison.OrdinalIgnoreCase))))
        {
            mails.Add(await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))));
        }

        return mails;
    }

    private async Task MeetAsync(params Guid[] cases) => await app.InScope(async sp =>
    {
        foreach (var c in cases)
        {
            Assert.True(await sp.GetRequiredService<Deadlines>().MeetAsync(CaseKind.Demand, c, "response", default));
        }

        await sp.GetRequiredService<RightsDeskDbContext>().SaveChangesAsync();
    });

    [Fact]
    public async Task Each_step_alerts_once_escalating_from_the_assignee_to_the_lead_and_then_overdue()
    {
        var assigneeEmail = NewEmail("a");
        var leadEmail = NewEmail("l");
        await PageSession.CreatePersonAsync(app, assigneeEmail, Roles.LegalReviewer);
        await PageSession.CreatePersonAsync(app, leadEmail, Roles.HumanRightsLead);
        var caseId = await SetAsync(TimeSpan.FromHours(80), await UserNameOf(assigneeEmail));

        await RunAsync();
        Assert.Empty(await MailTo(assigneeEmail));

        app.Clock.Advance(TimeSpan.FromHours(9)); // T-71h
        await RunAsync();
        await RunAsync();
        var first = Assert.Single(await MailTo(assigneeEmail));
        Assert.Contains("71 hours left", first.Subject, StringComparison.Ordinal);
        Assert.Contains($"https://desk.example.org/desk/demands/{caseId}", first.TextBody, StringComparison.Ordinal);
        Assert.Empty(await MailTo(leadEmail));

        app.Clock.Advance(TimeSpan.FromHours(48)); // T-23h
        await RunAsync();
        await RunAsync();
        var lead = Assert.Single(await MailTo(leadEmail));
        Assert.Contains("23 hours left", lead.Subject, StringComparison.Ordinal);
        Assert.Single(await MailTo(assigneeEmail));

        app.Clock.Advance(TimeSpan.FromHours(24)); // T+1h
        await RunAsync();
        await RunAsync();
        var leadMails = await MailTo(leadEmail);
        Assert.Equal(2, leadMails.Count);
        Assert.Contains("overdue", leadMails[1].Subject, StringComparison.Ordinal);
        Assert.Contains(caseId.ToString(), leadMails[1].Subject, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(3));
        await RunAsync();
        Assert.Equal(2, (await MailTo(leadEmail)).Count);
        await MeetAsync(caseId);
    }

    [Fact]
    public async Task Several_reminders_due_in_one_run_come_as_one_digest_and_a_met_deadline_sends_nothing()
    {
        var leadEmail = NewEmail("d");
        await PageSession.CreatePersonAsync(app, leadEmail, Roles.HumanRightsLead);
        var soon = await SetAsync(TimeSpan.FromHours(10), assignee: null);
        var later = await SetAsync(TimeSpan.FromHours(20), assignee: null);
        var late = await SetAsync(TimeSpan.FromHours(-1), assignee: null);
        var met = await SetAsync(TimeSpan.FromHours(5), assignee: null);
        await MeetAsync(met);

        await RunAsync();
        await RunAsync();
        var digest = Assert.Single(await MailTo(leadEmail));
        Assert.Contains("3 deadlines need attention, 1 overdue", digest.Subject, StringComparison.Ordinal);
        foreach (var c in new[] { soon, later, late })
        {
            Assert.Contains($"https://desk.example.org/desk/demands/{c}", digest.TextBody, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(met.ToString(), digest.TextBody, StringComparison.Ordinal);
        await MeetAsync(soon, later, late);
    }
}

public sealed class SqliteDeadlineReminderTests(SqliteDeskApp app) : DeadlineReminderTests<SqliteDeskApp>(app);

public sealed class PostgresDeadlineReminderTests(PostgresDeskApp app) : DeadlineReminderTests<PostgresDeskApp>(app);
