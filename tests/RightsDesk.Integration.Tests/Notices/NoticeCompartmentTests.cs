using RightsDesk.Core.Ledger.Events;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Notices;

/// <summary>
/// A restricted case's notices and messages are listed only to those who may see the case: in the notices API, the
/// outbox API and the desk's notices and outbox pages, lists and counts alike. Retry and cancel take a reason and
/// are ledgered.
/// </summary>
public abstract class NoticeCompartmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    /// <summary>A search-warrant demand (one notice owed, before disclosure), in or out of the compartment, with a dead
    /// letter queued for it.</summary>
    private async Task<(Guid Demand, Guid Message)> StoredAsync(bool restricted)
    {
        Guid id = default, message = default;
        await app.InScope(async sp =>
        {
            var body = Encoding.UTF8.GetBytes(TestRepo.Example("01-us-search-warrant"));
            var created = await sp.GetRequiredService<CreateDemand>().RunAsync(new CreateDemand.Request(DemandReader.Read(body), body, null, Core.Cases.Actor.Person("intake-x", "intake-x"), IntakeRoute.Api), default);
            created.Record.Restricted = restricted;
            id = created.Record.Id;
            var outbox = sp.GetRequiredService<IOutbox>();
            await outbox.EnqueueAsync(OutboxMessage.Email(OutboxTopics.Notice, "test:" + Guid.NewGuid().ToString("N"), new EmailPayload("user@example.org", "s", "b"))
                with { CorrelationId = id.ToString() }, default);
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            await db.SaveChangesAsync();
            var row = await db.Outbox.SingleAsync(m => m.CorrelationId == id.ToString());
            row.Status = Data.Outbox.OutboxStatus.DeadLetter;
            row.LastError = "SMTP 550";
            await db.SaveChangesAsync();
            message = row.Id;
        });
        return (id, message);
    }

    private static async Task<List<Guid>> NoticeDemandsAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/notices?pageSize=500")).RootElement.EnumerateArray().Select(n => n.GetProperty("demandId").GetGuid()).ToList();

    private static async Task<List<string?>> OutboxCasesAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/outbox")).RootElement.EnumerateArray().Select(n => n.GetProperty("correlationId").GetString()).ToList();

    [Fact]
    public async Task The_notices_and_outbox_apis_leave_out_a_restricted_case_and_keep_an_open_one()
    {
        var open = await StoredAsync(restricted: false);
        var hidden = await StoredAsync(restricted: true);
        foreach (var role in new[] { Roles.LegalReviewer, Roles.HumanRightsLead })
        {
            // Through a token not even the cleared lead reads a compartmented case, so its notices are not listed either.
            var client = await app.ClientFor(role);
            var notices = await NoticeDemandsAsync(client);
            Assert.Contains(open.Demand, notices);
            Assert.DoesNotContain(hidden.Demand, notices);
            var cases = await OutboxCasesAsync(client);
            Assert.Contains(open.Demand.ToString(), cases);
            Assert.DoesNotContain(hidden.Demand.ToString(), cases);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/outbox/{hidden.Message}/retry", null)).StatusCode);
        }
    }

    [Fact]
    public async Task The_desk_lists_a_restricted_cases_notices_only_to_the_cleared_lead()
    {
        var open = await StoredAsync(restricted: false);
        var hidden = await StoredAsync(restricted: true);
        var reviewer = await PageSession.CreatePersonAsync(app, $"rev-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.LegalReviewer);
        var lead = await PageSession.CreatePersonAsync(app, $"lead-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.HumanRightsLead);

        using var r = new PageSession(app);
        await r.SignInAsync(reviewer);
        var notices = await r.GetAsync("/desk/notices");
        Assert.Contains($"/desk/demands/{open.Demand}/notices", notices, StringComparison.Ordinal);
        Assert.DoesNotContain($"/desk/demands/{hidden.Demand}/notices", notices, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Message.ToString(), await r.GetAsync("/desk/outbox"), StringComparison.Ordinal);
        await r.GetAsync($"/desk/demands/{hidden.Demand}/notices", HttpStatusCode.NotFound);
        var page = await r.GetAsync($"/desk/demands/{open.Demand}/notices");
        // The exact text that will go: the notice template rendered for this case, in the user's language and the others.
        Assert.Contains("notice-text", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\"", page, StringComparison.Ordinal);

        using var l = new PageSession(app);
        await l.SignInAsync(lead);
        Assert.Contains($"/desk/demands/{hidden.Demand}/notices", await l.GetAsync("/desk/notices"), StringComparison.Ordinal);
        Assert.Contains(hidden.Message.ToString(), await l.GetAsync("/desk/outbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrying_needs_a_reason_and_is_ledgered_cancelling_stops_the_message()
    {
        var (demand, message) = await StoredAsync(restricted: false);
        var reviewer = await PageSession.CreatePersonAsync(app, $"rv2-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.LegalReviewer);
        using var s = new PageSession(app);
        await s.SignInAsync(reviewer);

        var refused = await s.PostFormAsync("/desk/outbox", [new("messageId", message.ToString()), new("reason", " ")], "/desk/outbox?handler=retry");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Say why", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var retried = await s.PostFormAsync("/desk/outbox", [new("messageId", message.ToString()), new("reason", "Relay fixed")], "/desk/outbox?handler=retry");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var cancelled = await s.PostFormAsync("/desk/outbox", [new("messageId", message.ToString()), new("reason", "Sent by hand instead")], "/desk/outbox?handler=cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.Equal(Data.Outbox.OutboxStatus.Cancelled, (await db.Outbox.SingleAsync(m => m.Id == message)).Status);
            var events = await db.LedgerEvents.Where(e => e.SubjectId == demand.ToString()).Select(e => e.Code).ToListAsync();
            Assert.Contains((int)LedgerEventCode.OutboxRetried, events);
            Assert.Contains((int)LedgerEventCode.OutboxCancelled, events);
        });
    }
}

public sealed class SqliteNoticeCompartmentTests(SqliteDeskApp app) : NoticeCompartmentTests<SqliteDeskApp>(app);

public sealed class PostgresNoticeCompartmentTests(PostgresDeskApp app) : NoticeCompartmentTests<PostgresDeskApp>(app);
