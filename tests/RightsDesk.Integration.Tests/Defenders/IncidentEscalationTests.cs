using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using RightsDesk.Application.Deadlines;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Defenders;

/// <summary>An S1 incident on the fake clock: the lead is alerted at 60 minutes and the level above at 90, once each.</summary>
public abstract class IncidentEscalationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Secret = "They posted my home address in Kigali";

    private static string NewEmail(string who) => $"{who}{Guid.NewGuid():N}"[..14] + "@desk.example";

    private async Task RunAsync() => await app.InScope(async sp =>
    {
        await sp.GetRequiredService<DeadlineReminderJob>().RunAsync(default);
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

    private async Task<IncidentSubmitted> SubmitAsync(bool danger) =>
        await app.InScope(async sp => await sp.GetRequiredService<SubmitIncident>().RunAsync(
            new IncidentReport([IncidentType.Doxxing, IncidentType.Threats], Secret, ["@amina@social.example"], [], IncidentUrgency.Today, danger,
                ContactChannel.None, null, false, "RW", "en"), default));

    [Fact]
    public async Task An_S1_incident_escalates_to_the_lead_at_60_minutes_and_the_next_level_at_90_with_one_alert_each()
    {
        var leadEmail = NewEmail("l");
        var adminEmail = NewEmail("d");
        await PageSession.CreatePersonAsync(app, leadEmail, Roles.HumanRightsLead);
        await PageSession.CreatePersonAsync(app, adminEmail, Roles.Admin);
        var incident = await SubmitAsync(danger: true);
        Assert.Equal("S1", incident.Severity);

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        await RunAsync();
        Assert.Empty(await MailTo(leadEmail));
        Assert.Empty(await MailTo(adminEmail));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunAsync();
        await RunAsync();
        var lead = Assert.Single(await MailTo(leadEmail));
        Assert.Empty(await MailTo(adminEmail));
        Assert.Contains($"incident {incident.Id}", lead.TextBody, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await RunAsync();
        Assert.Single(await MailTo(leadEmail));
        Assert.Empty(await MailTo(adminEmail));

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await RunAsync();
        await RunAsync();
        var next = Assert.Single(await MailTo(adminEmail));
        Assert.Single(await MailTo(leadEmail));

        // Staff mail carries the kind and id of the case, never what the reporter wrote or named.
        foreach (var mail in new[] { lead, next })
        {
            Assert.DoesNotContain("Kigali", mail.TextBody + mail.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain("amina", mail.TextBody + mail.Subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Acknowledging_stops_the_escalation()
    {
        var leadEmail = NewEmail("l");
        var responderEmail = NewEmail("r");
        await PageSession.CreatePersonAsync(app, leadEmail, Roles.HumanRightsLead);
        var responder = await PageSession.CreatePersonAsync(app, responderEmail, Roles.IncidentResponder);
        var incident = await SubmitAsync(danger: true);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.InScope(async sp =>
        {
            var user = await sp.GetRequiredService<RightsDeskDbContext>().Users.SingleAsync(u => u.Email == responderEmail);
            Assert.True(await sp.GetRequiredService<IncidentDesk>().AcknowledgeAsync(incident.Id, Actor.Person(user.Id, user.UserName!), default));
        });

        app.Clock.Advance(TimeSpan.FromHours(3));
        await RunAsync();
        // The fixture's other incidents may alert this lead; none of the mail may name this one.
        Assert.DoesNotContain(await MailTo(leadEmail), m => (m.TextBody ?? string.Empty).Contains(incident.Id.ToString(), StringComparison.Ordinal));
        Assert.NotNull(responder);
    }

    [Fact]
    public void A_non_urgent_level_keeps_the_quiet_hours_and_an_around_the_clock_level_does_not()
    {
        var level = new SeverityLevel("S3", "test", 60, 24, AroundTheClock: false, [30]);
        var ladder = IncidentLadder.Ladder(level, new QuietHours(20, 7));
        Assert.NotNull(ladder.Quiet);
        Assert.True(ladder.Quiet!.Contains(new DateTimeOffset(2026, 3, 3, 23, 0, 0, TimeSpan.Zero)));
        Assert.False(ladder.Quiet.Contains(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero)));
        Assert.Null(IncidentLadder.Ladder(level with { AroundTheClock = true }, new QuietHours(20, 7)).Quiet);
        Assert.NotNull(app);
    }
}

public sealed class SqliteIncidentEscalationTests(SqliteDeskApp app) : IncidentEscalationTests<SqliteDeskApp>(app);

public sealed class PostgresIncidentEscalationTests(PostgresDeskApp app) : IncidentEscalationTests<PostgresDeskApp>(app);
