using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Demands;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Defenders;

/// <summary>
/// Whoever files a demand and is not cleared for restricted cases cannot tell from any answer whether a target is
/// on the registry: two demands alike but for the target, one naming a person on it, are answered byte for byte the
/// same (ids and references aside) at creation, on the demand page and in every list. And the registry changes only
/// with two people, each read of it in the ledger.
/// </summary>
public abstract partial class AtRiskSecrecyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Demand(string target)
    {
        var node = JsonNode.Parse(TestRepo.Example("16-us-subpoena-for-journalist"))!;
        node["targets"] = new JsonArray(new JsonObject { ["type"] = "account", ["id"] = target });
        return node.ToJsonString();
    }

    private async Task<string> OnRegistryAsync()
    {
        var person = "@hrd" + Guid.NewGuid().ToString("N")[..8] + "@social.example";
        var lead = await app.ClientFor(Roles.HumanRightsLead);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/v1/at-risk", new { identifiers = new[] { new { kind = "handle", value = person } }, category = "journalist" })).StatusCode);
        return person;
    }

    // What legitimately differs between two cases: their ids and references, and the per-request antiforgery tokens.
    private static string Normalise(string text, params (Guid Id, string? Reference)[] cases)
    {
        foreach (var (id, reference) in cases)
        {
            text = text.Replace(id.ToString(), "{id}", StringComparison.OrdinalIgnoreCase);
            if (reference is not null)
            {
                text = text.Replace(reference, "{reference}", StringComparison.Ordinal);
            }
        }

        return AntiforgeryValue().Replace(text, "value=\"{antiforgery}\"");
    }

    [GeneratedRegex("value=\"CfDJ8[^\"]+\"")]
    private static partial Regex AntiforgeryValue();

    [Fact]
    public async Task Through_the_api_a_filer_gets_the_same_bytes_whether_or_not_a_target_is_on_the_registry()
    {
        var protectedPerson = await OnRegistryAsync();
        var otherPerson = "@user" + Guid.NewGuid().ToString("N")[..8] + "@social.example";
        var intake = await app.ClientFor(Roles.Intake, "intake-secrecy");
        var listBefore = await (await intake.GetAsync("/api/v1/demands?pageSize=200")).Content.ReadAsStringAsync();

        var onIt = await intake.PostAsync("/api/v1/demands", Json(Demand(protectedPerson)));
        var offIt = await intake.PostAsync("/api/v1/demands", Json(Demand(otherPerson)));
        Assert.Equal(onIt.StatusCode, offIt.StatusCode);
        var onBody = await onIt.Content.ReadAsStringAsync();
        var offBody = await offIt.Content.ReadAsStringAsync();
        var onId = JsonDocument.Parse(onBody).RootElement.GetProperty("id").GetGuid();
        var offId = JsonDocument.Parse(offBody).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(Normalise(offBody, (offId, null)), Normalise(onBody, (onId, null)));
        Assert.Equal(offBody.Length, onBody.Length);

        var onPage = await intake.GetAsync($"/api/v1/demands/{onId}");
        var offPage = await intake.GetAsync($"/api/v1/demands/{offId}");
        Assert.Equal(offPage.StatusCode, onPage.StatusCode);
        Assert.Equal(Normalise(await offPage.Content.ReadAsStringAsync(), (offId, null)), Normalise(await onPage.Content.ReadAsStringAsync(), (onId, null)));

        // Both left the filer's lists alike: the list reads as it did before either was filed.
        Assert.Equal(listBefore, await (await intake.GetAsync("/api/v1/demands?pageSize=200")).Content.ReadAsStringAsync());

        // The registry still did its work: the one naming the person is restricted and escalated, the other is not.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.True((await db.Demands.SingleAsync(d => d.Id == onId)).Restricted);
            Assert.False((await db.Demands.SingleAsync(d => d.Id == offId)).Restricted);
        });

        // A reviewer who did not file it still reads the open one, and not the restricted one.
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/demands/{offId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/v1/demands/{onId}")).StatusCode);
    }

    [Fact]
    public async Task On_the_desk_a_filer_sees_the_same_page_and_lists_whether_or_not_a_target_is_on_the_registry()
    {
        var protectedPerson = await OnRegistryAsync();
        var email = "filer-" + Guid.NewGuid().ToString("N")[..8] + "@desk.example";
        var filer = await PageSession.CreatePersonAsync(app, email, Roles.Intake);
        using var s = new PageSession(app);
        await s.SignInAsync(filer);
        var listBefore = await s.GetAsync("/desk/demands");
        var homeBefore = await s.GetAsync("/desk");

        var actor = await app.InScope(async sp =>
        {
            var user = await sp.GetRequiredService<RightsDeskDbContext>().Users.AsNoTracking().SingleAsync(x => x.Email == email);
            return Actor.Person(user.Id, user.UserName!);
        });
        async Task<(Guid Id, string? Reference)> File(string target) => await app.InScope(async sp =>
        {
            var json = Demand(target);
            var created = await sp.GetRequiredService<CreateDemand>().RunAsync(
                new CreateDemand.Request(DemandReader.Read(json), Encoding.UTF8.GetBytes(json), null, actor, IntakeRoute.Desk), default);
            return (created.Record.Id, created.Record.Reference);
        });
        var onIt = await File(protectedPerson);
        var offIt = await File("@user" + Guid.NewGuid().ToString("N")[..8] + "@social.example");

        var onRedirect = await s.Client.GetAsync($"/desk/demands/{onIt.Id}");
        var offRedirect = await s.Client.GetAsync($"/desk/demands/{offIt.Id}");
        Assert.Equal(HttpStatusCode.Redirect, onRedirect.StatusCode);
        Assert.Equal(offRedirect.StatusCode, onRedirect.StatusCode);
        Assert.Equal($"/desk/demands/{onIt.Id}/filed", onRedirect.Headers.Location!.OriginalString);
        var onPage = await s.GetAsync($"/desk/demands/{onIt.Id}/filed");
        var offPage = await s.GetAsync($"/desk/demands/{offIt.Id}/filed");
        Assert.Equal(Normalise(offPage, offIt), Normalise(onPage, onIt));

        Assert.Equal(Normalise(listBefore), Normalise(await s.GetAsync("/desk/demands")));
        Assert.Equal(Normalise(homeBefore), Normalise(await s.GetAsync("/desk")));
    }

    [Fact]
    public async Task Adding_and_removing_a_person_take_two_people_and_each_read_is_in_the_ledger()
    {
        var lead = await PageSession.CreatePersonAsync(app, "lead-" + Guid.NewGuid().ToString("N")[..8] + "@desk.example", Roles.HumanRightsLead);
        var responder = await PageSession.CreatePersonAsync(app, "resp-" + Guid.NewGuid().ToString("N")[..8] + "@desk.example", Roles.IncidentResponder);
        var handle = "@pair" + Guid.NewGuid().ToString("N")[..8] + "@social.example";
        using var l = new PageSession(app);
        await l.SignInAsync(lead);
        var proposed = await l.PostFormAsync("/desk/at-risk", [new("identifiers[0].kind", "handle"), new("identifiers[0].value", handle), new("category", "journalist"), new("source", "staff"), new("visibleTo", "leadAndResponders")], "/desk/at-risk?handler=add");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var id = await app.InScope(async sp => (await sp.GetRequiredService<RightsDeskDbContext>().AtRiskPeople.OrderByDescending(p => p.Id).FirstAsync()).Id);

        // The proposer cannot approve their own proposal; the entry protects meanwhile.
        var own = await l.PostFormAsync("/desk/at-risk", [new("id", id.ToString())], "/desk/at-risk?handler=approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("cannot approve it", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var r = new PageSession(app);
        await r.SignInAsync(responder);
        Assert.Equal(HttpStatusCode.Redirect, (await r.PostFormAsync("/desk/at-risk", [new("id", id.ToString())], "/desk/at-risk?handler=approve")).StatusCode);
        Assert.Contains(handle, await r.GetAsync("/desk/at-risk"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await r.PostFormAsync("/desk/at-risk", [new("id", id.ToString())], "/desk/at-risk?handler=remove")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await r.PostFormAsync("/desk/at-risk", [new("id", id.ToString())], "/desk/at-risk?handler=approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await l.PostFormAsync("/desk/at-risk", [new("id", id.ToString())], "/desk/at-risk?handler=approve")).StatusCode);
        Assert.DoesNotContain(handle, await l.GetAsync("/desk/at-risk"), StringComparison.Ordinal);

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.False(await db.AtRiskIdentifiers.AnyAsync(i => i.PersonId == id));
            var codes = await db.LedgerEvents.Where(e => e.SubjectId == id.ToString()).OrderBy(e => e.Seq).Select(e => e.Code).ToListAsync();
            Assert.Equal([(int)LedgerEventCode.AtRiskPersonProposed, (int)LedgerEventCode.AtRiskPersonApproved, (int)LedgerEventCode.AtRiskRemovalProposed, (int)LedgerEventCode.AtRiskPersonRemoved], codes);
            Assert.True(await db.LedgerEvents.AnyAsync(e => e.Code == (int)LedgerEventCode.AtRiskRegistryRead));
            Assert.DoesNotContain(await db.LedgerEvents.Select(e => e.Data).ToListAsync(), d => d.Contains(handle[1..9], StringComparison.Ordinal));
        });
    }
}

public sealed class SqliteAtRiskSecrecyTests(SqliteDeskApp app) : AtRiskSecrecyTests<SqliteDeskApp>(app);

public sealed class PostgresAtRiskSecrecyTests(PostgresDeskApp app) : AtRiskSecrecyTests<PostgresDeskApp>(app);
