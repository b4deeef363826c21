using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RightsDesk.Web.Security;
using RightsDesk.Core.Security;
using RightsDesk.Data.Encryption;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Security;

/// <summary>
/// No secret and no personal datum in any log: the whole sensitive flow plus the unhappy paths (bad and unknown
/// tokens, forbidden and hidden cases, input refused with the bad values in it, a failing webhook), with every log
/// category captured at Trace — ASP.NET Core hosting, routing, authentication and authorisation, EF Core, the app's
/// own. Watched: every value typed in, every API token, a staff password (and a mistyped one) and TOTP secret, the
/// webhook secret and the key file's keys.
/// Request paths and query strings are logged by the hosting layer at Information; the API puts ids and list
/// filters there, never secrets or identifiers of people, and this scan would catch a route that did.
/// </summary>
public abstract class LogScanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task A_full_flow_and_its_failures_log_no_secret_and_no_personal_data()
    {
        var logs = app.Logs ?? throw new InvalidOperationException("This test needs a fixture that captures logs (SqliteLoggedDeskApp, PostgresLoggedDeskApp).");
        var flow = new SensitiveFlow(app);
        app.Webhook.FailNext = 1;
        await flow.RunAsync();
        var v = flow.Values;

        foreach (var role in Roles.TokenRoles)
        {
            logs.Watch("API token of " + role, await app.TokenFor(role));
        }

        // A staff member signs in: a wrong password, a wrong code, then both right. The password (and the near miss),
        // and the authenticator's secret, must not be logged. (Codes are six digits, too short to scan for.)
        // A colleague opens a one-time enrolment link: its secret must not reach the logs either.
        await app.InScope(async sp =>
        {
            var link = await sp.GetRequiredService<RightsDesk.Web.Accounts.AccountService>().CreateStaffAsync($"log-enrol-{Guid.NewGuid():N}"[..24] + "@staff.example.org", Roles.Approver, null, "test", default);
            logs.Watch("enrolment link secret", link.Secret);
            using var enrol = new PageSession(app);
            await enrol.GetAsync("/account/enrol?token=" + link.Secret);
        });

        var person = await PageSession.CreatePersonAsync(app, $"log-scan-{Guid.NewGuid():N}"[..24] + "@staff.example.org", Roles.LegalReviewer);
        logs.Watch("staff password", person.Password);
        logs.Watch("TOTP secret", person.TotpSecret);
        using (var session = new PageSession(app))
        {
            var wrong = logs.Watch("mistyped password", person.Password[..^1] + "!");
            Assert.NotEqual(HttpStatusCode.Redirect, (await session.SignInAsync(person with { Password = wrong })).StatusCode);
            Assert.NotEqual(HttpStatusCode.Redirect, (await session.SignInAsync(person, code: "000000")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(person)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/desk")).StatusCode);
        }

        logs.Watch("webhook secret", DeskApp.WebhookSecret);
        WatchKeyFile(logs, Path.Combine(app.Dir, "keys.json"));

        // A token made as the console and the desk make them (no token manages tokens), then used.
        var secret = "";
        await app.InScope(async sp => secret = (await sp.GetRequiredService<ApiTokenService>().CreateForMachineAsync("log-scan-platform", TimeSpan.FromDays(30), "log-scan", default)).Secret);
        logs.Watch("API token created for a machine", secret);
        var platform = app.CreateClient();
        platform.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync($"/api/v1/demands/{Guid.NewGuid()}")).StatusCode);

        // Unknown, malformed and foreign credentials.
        await Expect(HttpStatusCode.Unauthorized, BearerCall(logs.Watch("unknown token", "rd_0badc0de_" + v.Mark("unknown-token-body")), "/api/v1/demands"));
        await Expect(HttpStatusCode.Unauthorized, BearerCall(logs.Watch("mangled token", secret[..^2] + "xy"), "/api/v1/demands"));
        var basic = app.CreateClient();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", logs.Watch("basic credentials", Convert.ToBase64String(Encoding.UTF8.GetBytes("someone:" + v.Mark("basic-password")))));
        await Expect(HttpStatusCode.Unauthorized, basic.GetAsync("/api/v1/demands"));

        // Forbidden by role, hidden by compartment.
        await Expect(HttpStatusCode.Forbidden, (await app.ClientFor(Roles.Auditor)).GetAsync("/api/v1/demands"));
        await Expect(HttpStatusCode.Forbidden, (await app.ClientFor(Roles.Platform)).GetAsync("/api/v1/at-risk"));
        var forbiddenDocument = await (await app.ClientFor(Roles.Platform)).GetAsync($"/api/v1/demands/{flow.DemandId}/documents/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenDocument.StatusCode);

        // Refused input that carries the bad values: the caller sees them, the logs must not.
        var intake = await app.ClientFor(Roles.Intake);
        var bad = $$"""{"kind":"userData","receivedAt":"{{v.Mark("bad-timestamp")}}","channel":"email","authority":{"name":"X","country":"{{v.Mark("bad-country")}}","type":"police","officer":"{{v.Mark("bad-demand-officer")}}"},"legalProcess":"subpoena","targets":[{"type":"account","id":"{{v.Mark("bad-demand-target")}}","country":"{{v.Mark("bad-target-country")}}"}],"document":{"written":true},"dataCategories":["content"],"{{v.Mark("unknown-field")}}":1}""";
        var refused = await Expect(HttpStatusCode.BadRequest, intake.PostAsync("/api/v1/demands", new StringContent(bad, Encoding.UTF8, "application/json")));
        Assert.Contains(v.All["bad-country"], await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Expect(HttpStatusCode.BadRequest, intake.PostAsync("/api/v1/demands", new StringContent("{\"kind\":\"" + v.Mark("broken-json"), Encoding.UTF8, "application/json")));
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        await Expect(HttpStatusCode.BadRequest, reviewer.PostAsync($"/api/v1/demands/{flow.DemandId}/decision",
            new StringContent($$"""{"outcome":"{{v.Mark("bad-outcome")}}","reason":"{{v.Mark("bad-decision-reason")}}"}""", Encoding.UTF8, "application/json")));
        await Expect(HttpStatusCode.BadRequest, reviewer.PostAsync($"/api/v1/demands/{flow.DemandId}/decision",
            new StringContent($$"""{"outcome":7,"reason":"{{v.Mark("wrongly-typed-reason")}}"}""", Encoding.UTF8, "application/json")));
        var lead = await app.ClientFor(Roles.HumanRightsLead);
        await Expect(HttpStatusCode.BadRequest, lead.PostAsJsonAsync("/api/v1/at-risk", new { id = v.Mark("bad-atrisk-id"), category = v.Mark("bad-atrisk-category"), note = v.Mark("bad-atrisk-note") }));
        await Expect(HttpStatusCode.NotFound, (await app.ClientFor(Roles.Admin)).PostAsJsonAsync("/api/v1/tokens", new { name = v.Mark("bad-token-name"), role = v.Mark("bad-token-role"), days = 9999 }));

        foreach (var (label, value) in v.All)
        {
            logs.Watch(label, value);
        }

        // The capture saw the framework's logs, not only the app's: otherwise a clean scan would mean little.
        Assert.True(logs.HasCategory("Microsoft.AspNetCore.Routing") || logs.HasCategory("Microsoft.AspNetCore.Mvc"), "no routing or MVC logs captured");
        Assert.True(logs.HasCategory("Microsoft.EntityFrameworkCore"), "no EF Core logs captured");
        Assert.True(logs.HasCategory("Microsoft.AspNetCore.Authorization"), "no authorisation logs captured");
        Assert.True(logs.HasCategory("RightsDesk.Application.Outbox.OutboxProcessor"), "the failed webhook attempt was not logged");
        logs.AssertNoSecrets();
    }

    private async Task<HttpResponseMessage> BearerCall(string token, string path)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(path);
    }

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == status, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {status}, got {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return r;
    }

    /// <summary>The key encryption keys and the blind-index key, in the base64 of the file and in hex.</summary>
    private static void WatchKeyFile(LogCapture logs, string path)
    {
        var ring = KeyRing.Parse(File.ReadAllText(path));
        foreach (var id in ring.KeyIds)
        {
            Assert.True(ring.TryGet(id, out var kek));
            logs.Watch("key encryption key " + id, Convert.ToBase64String(kek));
            logs.Watch("key encryption key (hex) " + id, Convert.ToHexString(kek));
            logs.Watch("key encryption key (lower hex) " + id, Convert.ToHexStringLower(kek));
        }

        logs.Watch("blind-index key", Convert.ToBase64String(ring.IndexKey));
        logs.Watch("blind-index key (hex)", Convert.ToHexString(ring.IndexKey));
        logs.Watch("blind-index key (lower hex)", Convert.ToHexStringLower(ring.IndexKey));
    }
}

public sealed class SqliteLogScanTests(SqliteLoggedDeskApp app) : LogScanTests<SqliteLoggedDeskApp>(app);

public sealed class PostgresLogScanTests(PostgresLoggedDeskApp app) : LogScanTests<PostgresLoggedDeskApp>(app);
