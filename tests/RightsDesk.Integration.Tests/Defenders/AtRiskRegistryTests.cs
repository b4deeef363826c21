using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.Demands;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Defenders;

/// <summary>
/// The at-risk registry as people: a demand naming any identifier of a person, in any written form, is compartmented
/// and escalated; the person who filed it cannot tell; adding and removing take two people; reads are ledgered.
/// </summary>
public abstract partial class AtRiskRegistryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static string WithTarget(string type, string id)
    {
        var node = JsonNode.Parse(TestRepo.Example("16-us-subpoena-for-journalist"))!;
        node["targets"] = new JsonArray(new JsonObject { ["type"] = type, ["id"] = id });
        return node.ToJsonString();
    }

    private async Task<Guid> ProposeAsync(object body)
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead);
        var answer = await lead.PostAsJsonAsync("/api/v1/at-risk", body);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<bool> RestrictedAsync(string type, string id)
    {
        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", Json(WithTarget(type, id)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var demandId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var restricted = false;
        await app.InScope(async sp =>
        {
            var record = await sp.GetRequiredService<RightsDeskDbContext>().Demands.AsNoTracking().SingleAsync(d => d.Id == demandId);
            restricted = record.Restricted && record.EscalationRequired;
        });
        return restricted;
    }

    [Fact]
    public async Task Every_written_form_of_every_identifier_of_a_person_matches_that_person()
    {
        var u = Unique();
        var digits = Digits(u);
        await ProposeAsync(new
        {
            identifiers = new object[]
            {
                new { kind = "handle", value = $"@defender{u}@social.example" },
                new { kind = "account", value = $"acct-{u}" },
                new { kind = "email", value = $"Maria.Lopez{u}@gmail.com" },
                new { kind = "email", value = $"press.{u}@proton.me" },
                new { kind = "phone", value = "+44 20 7946 " + digits },
            },
            category = "journalist", source = "partnerNomination", consent = true, consentOn = "2026-11-02", country = "GB",
        });
        var forms = new (string Type, string Id)[]
        {
            ("account", $"@defender{u}@social.example"),
            ("account", $"@DEFENDER{u}@Social.Example"),
            ("url", $"https://social.example/@defender{u}"),
            ("url", $"https://SOCIAL.example/@defender{u}/"),
            ("url", $"https://social.example/users/defender{u}"),
            ("url", $"https://social.example/web/@defender{u}"),
            ("account", $"defender{u}@social.example"),
            ("account", $"acct:defender{u}@social.example"),
            ("account", $"\uFF20defender{u}\uFF20social.example"),
            ("account", $"@defender\u200B{u}@social.example"),
            ("account", $"\u202E@defender{u}@social.example\u202C"),
            ("account", $"ACCT-{u}"),
            ("account", $"\uFF41\uFF43\uFF43\uFF54-{u}"),
            ("account", $"acct-\u2060{u}"),
            ("email", $"marialopez{u}@gmail.com"),
            ("email", $"maria.lopez{u}+cases@googlemail.com"),
            ("email", $"MARIA.LOPEZ{u}@GMAIL.COM"),
            ("email", $"press-{u}@protonmail.com"),
            ("email", $"press_{u}+tips@pm.me"),
            ("phone", "+442079 46" + digits),
            ("phone", "+44-20-7946-" + digits),
            ("phone", "\uFF0B44 20 7946 " + digits),
            ("account", "+44 20 7946 " + digits),
        };
        foreach (var (type, id) in forms)
        {
            Assert.True(await RestrictedAsync(type, id), $"{type} {id} should match the person");
        }

        // Not the same person: another user on the same instance or the same user elsewhere, another mailbox.
        Assert.False(await RestrictedAsync("account", $"@defender{u}x@social.example"));
        Assert.False(await RestrictedAsync("url", $"https://other.example/@defender{u}"));
        Assert.False(await RestrictedAsync("email", $"maria.lopez{u}@example.org"));
        Assert.False(await RestrictedAsync("email", $"press.{u}@outlook.com"));
    }

    private static string Digits(string u) => string.Concat(u[..4].Select(c => (char)('0' + c % 10)));

    [Fact]
    public async Task A_phone_number_written_nationally_matches_through_the_demands_country()
    {
        var u = Unique();
        var digits = Digits(u);
        await ProposeAsync(new { identifiers = new object[] { new { kind = "phone", value = "020 7946 " + digits } }, category = "lawyer", country = "GB" });
        var node = JsonNode.Parse(TestRepo.Example("16-us-subpoena-for-journalist"))!;
        node["targets"] = new JsonArray(new JsonObject { ["type"] = "phone", ["id"] = "020-7946-" + digits, ["country"] = "GB" });
        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", Json(node.ToJsonString()));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await app.InScope(async sp => Assert.True((await sp.GetRequiredService<RightsDeskDbContext>().Demands.SingleAsync(d => d.Id == id)).Restricted));
        Assert.True(await RestrictedAsync("phone", "+44 20 7946 " + digits));
    }
}

public sealed class SqliteAtRiskRegistryTests(SqliteDeskApp app) : AtRiskRegistryTests<SqliteDeskApp>(app);

public sealed class PostgresAtRiskRegistryTests(PostgresDeskApp app) : AtRiskRegistryTests<PostgresDeskApp>(app);
