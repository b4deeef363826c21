using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders.Incidents;
using RightsDesk.Core.Defenders.Incidents;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Defenders;

/// <summary>The desk's incident queue and incident page: timers, acknowledge, assign, reply, actions, links, resolve.</summary>
public abstract class IncidentDeskPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string NewEmail(string who) => $"{who}{Guid.NewGuid():N}"[..14] + "@desk.example";

    private async Task<IncidentSubmitted> SubmitAsync(string description, bool danger) =>
        await app.InScope(async sp => await sp.GetRequiredService<SubmitIncident>().RunAsync(
            new IncidentReport([IncidentType.Harassment], description, ["@nadia@social.example"], ["https://social.example/@x/9"],
                IncidentUrgency.ThisWeek, danger, ContactChannel.None, null, false, "TN", "ar"), default));

    private async Task<PageSession> SignedInAsync(string role, string email)
    {
        var person = await PageSession.CreatePersonAsync(app, email, role);
        var session = new PageSession(app);
        await session.SignInAsync(person);
        return session;
    }

    private Task<List<int>> CodesAsync(Guid incident) => app.InScope(async sp => await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
        .Where(e => e.SubjectId == incident.ToString()).OrderBy(e => e.Seq).Select(e => e.Code).ToListAsync());

    [Fact]
    public async Task A_responder_works_an_incident_from_the_queue_to_its_outcome_and_the_reporter_reads_the_reply()
    {
        var description = "desk-text-" + Guid.NewGuid().ToString("N");
        var incident = await SubmitAsync(description, danger: true);
        // Past the S1 target of two hours; before signing in, as a session would not sit idle that long.
        app.Clock.Advance(TimeSpan.FromHours(3));
        using var desk = await SignedInAsync(Roles.IncidentResponder, NewEmail("r"));
        await PageSession.CreatePersonAsync(app, NewEmail("q"), Roles.IncidentResponder);

        // The queue shows the incident with its severity and clock, and none of what the reporter wrote.
        var queue = await desk.GetAsync("/desk/incidents");
        Assert.Contains(incident.Reference, queue, StringComparison.Ordinal);
        Assert.Contains("acknowledge by", queue, StringComparison.Ordinal);
        Assert.DoesNotContain(description, queue, StringComparison.Ordinal);
        Assert.Contains("overdue", await desk.GetAsync("/desk/incidents?state=received"), StringComparison.Ordinal);

        var page = await desk.GetAsync($"/desk/incidents/{incident.Id}");
        Assert.Contains(description, page, StringComparison.Ordinal);
        Assert.Contains("@nadia@social.example", page, StringComparison.Ordinal);
        Assert.Contains((int)LedgerEventCode.IncidentRead, await CodesAsync(incident.Id));

        var path = $"/desk/incidents/{incident.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync(path, [], path + "?handler=acknowledge")).StatusCode);
        var again = await desk.PostFormAsync(path, [], path + "?handler=acknowledge");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        var responders = await app.InScope(async sp => await sp.GetRequiredService<IncidentWork>().RespondersAsync(default));
        var other = responders[^1];
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync(path, [new("responderId", other.Id)], path + "?handler=assign")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync(path, [new("template", "acknowledge"), new("text", "")], path + "?handler=reply")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync(path, [new("action", "accountSecured")], path + "?handler=action")).StatusCode);

        var missing = await desk.PostFormAsync(path, [new("kind", "demand"), new("target", "RD-1999-999999")], path + "?handler=link");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("No demand with that reference", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var decision = await app.InScope(async sp => await ModerationSupport.HeldDecisionAsync(sp));
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync(path, [new("kind", "moderationDecision"), new("target", decision)], path + "?handler=link")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await desk.PostFormAsync(path, [new("outcome", "accountSecured")], path + "?handler=resolve")).StatusCode);

        page = await desk.GetAsync(path);
        Assert.Contains(other.UserName, page, StringComparison.Ordinal);
        Assert.Contains("account secured", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/desk/moderation/{decision}\"", page, StringComparison.Ordinal);
        Assert.Contains("We have your report and a responder is working on it.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"resolve\"", page, StringComparison.Ordinal);

        var codes = await CodesAsync(incident.Id);
        foreach (var code in new[] { LedgerEventCode.IncidentAcknowledged, LedgerEventCode.IncidentAssigned, LedgerEventCode.IncidentReplied,
                     LedgerEventCode.IncidentActionRecorded, LedgerEventCode.IncidentLinked, LedgerEventCode.IncidentResolved })
        {
            Assert.Contains((int)code, codes);
        }

        // The resolved incident leaves the open queue and is listed under its state.
        Assert.DoesNotContain(incident.Reference, await desk.GetAsync("/desk/incidents"), StringComparison.Ordinal);
        Assert.Contains(incident.Reference, await desk.GetAsync("/desk/incidents?state=resolved"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_incident_permissions_are_refused_the_queue_and_the_incident()
    {
        var incident = await SubmitAsync("not for intake", danger: false);
        using var intake = await SignedInAsync(Roles.Intake, NewEmail("i"));
        foreach (var path in new[] { "/desk/incidents", $"/desk/incidents/{incident.Id}" })
        {
            var answer = await intake.Client.GetAsync(path);
            Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{path}: {(int)answer.StatusCode}");
            Assert.DoesNotContain("not for intake", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var lead = await SignedInAsync(Roles.HumanRightsLead, NewEmail("l"));
        Assert.Contains("not for intake", await lead.GetAsync($"/desk/incidents/{incident.Id}"), StringComparison.Ordinal);
        await lead.GetAsync($"/desk/incidents/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }
}

public sealed class SqliteIncidentDeskPageTests(SqliteDeskApp app) : IncidentDeskPageTests<SqliteDeskApp>(app);

public sealed class PostgresIncidentDeskPageTests(PostgresDeskApp app) : IncidentDeskPageTests<PostgresDeskApp>(app);
