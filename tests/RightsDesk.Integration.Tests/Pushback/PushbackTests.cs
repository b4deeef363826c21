using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Pushback;

/// <summary>
/// Push-back beyond the case on both engines: a legal challenge tied to a law and to demands, shown on the demand page,
/// moved on through the ledger, and summarised in public without names, courts, case numbers or demand ids.
/// </summary>
public abstract class PushbackTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Officer = "Inspector Wong Tai-man";
    private const string Journalist = "Lam Siu-ling";

    private async Task<Guid> FileDemandAsync(string example)
    {
        var intake = await app.ClientFor(Roles.Intake, "pushback-intake");
        var r = await intake.PostAsync("/api/v1/demands", new StringContent(TestRepo.Example(example), Encoding.UTF8, "application/json"));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return Guid.Parse((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    private object Challenge(Guid demand) => new
    {
        kind = "legalChallenge",
        subject = $"Order of {Officer} to disclose the account of {Journalist}",
        country = "HK",
        offences = new[] { "hk-nsl-secession-subversion" },
        court = $"Court of First Instance ({Journalist} v. Commissioner)",
        caseNumber = "HCAL 777/2026",
        status = "active",
        started = "2026-02-10",
        demands = new[] { demand },
        summary = $"Judicial review; {Journalist} is a named party.",
    };

    [Fact]
    public async Task A_challenge_is_refused_with_every_problem_at_once_then_recorded_linked_and_shown_on_the_demand_page()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "pushback-lead-a");
        var bad = await lead.PostAsJsonAsync("/api/v1/pushback", new
        {
            kind = "legalChallenge", subject = "x", country = "ZZ", offences = new[] { "no-such-offence" }, status = "active", outcome = "failed",
            started = "2026-01-01", demands = new[] { Guid.NewGuid() },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "country", "offences[0]", "court", "outcome" }, fields);

        var demand = await FileDemandAsync("06-hong-kong-national-security");
        var unknown = await lead.PostAsJsonAsync("/api/v1/pushback", new { kind = "refusal", subject = "x", country = "HK", status = "active", started = "2026-01-01", demands = new[] { demand, Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("demands[1]", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await lead.PostAsJsonAsync("/api/v1/pushback", Challenge(demand));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var person = await PageSession.CreatePersonAsync(app, DeskApp.PersonEmail("pushback-hrl"), Roles.HumanRightsLead);
        using var desk = new PageSession(app);
        await desk.SignInAsync(person);
        var page = await desk.GetAsync($"/desk/demands/{demand}");
        Assert.Contains("Challenges to this law", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/desk/pushback/{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("(concerns this demand)", page, StringComparison.Ordinal);

        // The human rights lead concludes it from the desk; a concluded record without an outcome is refused by field.
        var refused = await desk.PostFormAsync($"/desk/pushback/{id}", [new("status", "concluded")], $"/desk/pushback/{id}?handler=Status");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("A concluded record says how it ended", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var moved = await desk.PostFormAsync($"/desk/pushback/{id}", [new("status", "concluded"), new("outcome", "succeeded"), new("note", "Order quashed")], $"/desk/pushback/{id}?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var view = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/pushback/{id}");
        Assert.Equal("concluded", view.GetProperty("status").GetString());
        Assert.Equal("succeeded", view.GetProperty("outcome").GetString());

        var ledger = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AsNoTracking()
            .Where(e => e.SubjectId == id.ToString()).OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal([(int)LedgerEventCode.PushbackRecorded, (int)LedgerEventCode.PushbackStatusChanged], ledger.Select(e => e.Code).ToArray());
        Assert.All(ledger, e => Assert.DoesNotContain(Journalist, e.Data, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_public_summary_names_nobody_and_says_what_it_left_out_in_every_language()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "pushback-lead-b");
        var demand = await FileDemandAsync("06-hong-kong-national-security");
        var created = await lead.PostAsJsonAsync("/api/v1/pushback", Challenge(demand));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var anonymous = app.CreateClient();
        var json = await anonymous.GetStringAsync("/transparency/pushback.json");
        var summary = JsonDocument.Parse(json).RootElement;
        Assert.NotEqual(0, summary.GetProperty("records").GetArrayLength());
        Assert.NotEqual(0, summary.GetProperty("leftOut").GetArrayLength());
        var hk = summary.GetProperty("records").EnumerateArray().First(r => r.GetProperty("country").GetString() == "HK");
        Assert.Equal(1, hk.GetProperty("demandsLow").GetInt64());
        Assert.True(hk.GetProperty("demandsHigh").GetInt64() > 1, "a single demand is published as a band");

        var languages = new[] { "en", "fr", "es", "ru", "tr", "ar", "fa", "zh-Hans" };
        var pages = new List<string> { json };
        foreach (var lang in languages)
        {
            var r = await anonymous.GetAsync($"/{lang}/transparency/pushback");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var html = await r.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("id=\"left-out\"", html, StringComparison.Ordinal);
            pages.Add(html);
        }

        Assert.Contains("Legal challenge", pages[1], StringComparison.Ordinal);
        Assert.Contains("Recours en justice", pages[2], StringComparison.Ordinal);
        foreach (var text in pages)
        {
            foreach (var secret in new[] { Officer, Journalist, "HCAL 777", "Court of First Instance", demand.ToString(), "2026-02-10" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}

public sealed class SqlitePushbackTests(SqliteDeskApp app) : PushbackTests<SqliteDeskApp>(app);

public sealed class PostgresPushbackTests(PostgresDeskApp app) : PushbackTests<PostgresDeskApp>(app);
