using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Demands;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Notices;
using RightsDesk.Web.Security;

namespace RightsDesk.Integration.Tests.Demands;

/// <summary>The demand desk end to end through the HTTP API; each case runs on SQLite and on PostgreSQL.</summary>
public abstract class DemandFlowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A signed-in desk session of the role (no token), as the desk's pages see their user.</summary>
    private static System.Security.Claims.ClaimsPrincipal DeskSession(string role) => new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.NameIdentifier, "desk-" + role), new(System.Security.Claims.ClaimTypes.Name, "desk-" + role + "@desk.example"), new(System.Security.Claims.ClaimTypes.Role, role)], "test"));

    private static string WithTarget(string exampleJson, string targetId)
    {
        var node = JsonNode.Parse(exampleJson)!;
        node["targets"]![0]!["id"] = targetId;
        return node.ToJsonString();
    }

    private async Task<JsonElement> Body(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private async Task RunNoticesAndOutbox() => await app.InScope(async sp =>
    {
        await sp.GetRequiredService<NoticeJob>().RunAsync(default);
        await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default);
    });

    [Fact]
    public async Task A_warrant_goes_from_intake_through_four_eyes_and_notice_to_a_minimised_package()
    {
        var target = "acct-flow-" + Guid.NewGuid().ToString("N")[..8];
        var dir = Path.Combine(app.ConnectorRoot, "account", target);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "contact.json"), "{\"email\":\"user-flow@users.example.org\",\"language\":\"en\"}");
        await File.WriteAllTextAsync(Path.Combine(dir, "subscriberInfo.json"), "{\"name\":\"Flow User\"}");
        await File.WriteAllTextAsync(Path.Combine(dir, "content.json"), "{\"messages\":3}");
        await File.WriteAllTextAsync(Path.Combine(dir, "location.json"), "{\"never\":\"disclosed\"}");

        var intake = await app.ClientFor(Roles.Intake);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands") { Content = Json(WithTarget(TestRepo.Example("01-us-search-warrant"), target)) };
        request.Headers.Add("Idempotency-Key", "flow-" + target);
        var created = await intake.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var filed = await Body(created);
        var id = filed.GetProperty("id").GetString()!;
        // Intake follows what it filed by its status; the reviewer reads the whole case.
        Assert.Equal("assessed", filed.GetProperty("state").GetString());
        Assert.False(filed.TryGetProperty("assessment", out _));
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        var demand = await Body(await (await app.ClientFor(Roles.LegalReviewer)).GetAsync($"/api/v1/demands/{id}"));
        Assert.Equal("disclose", demand.GetProperty("assessment").GetProperty("recommendation").GetString());

        // The same request retried with its key returns the same demand; the key with another body is refused.
        var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands") { Content = Json(WithTarget(TestRepo.Example("01-us-search-warrant"), target)) };
        retry.Headers.Add("Idempotency-Key", "flow-" + target);
        var replayed = await intake.SendAsync(retry);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(id, (await Body(replayed)).GetProperty("id").GetString());
        var reuse = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands") { Content = Json(WithTarget(TestRepo.Example("01-us-search-warrant"), target + "x")) };
        reuse.Headers.Add("Idempotency-Key", "flow-" + target);
        Assert.Equal(HttpStatusCode.Conflict, (await intake.SendAsync(reuse)).StatusCode);

        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var decided = await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("awaitingApproval", (await Body(decided)).GetProperty("state").GetString());

        // Nobody approves their own decision, and nothing leaves before the user has been told.
        var self = await app.ClientFor(Roles.HumanRightsLead, "lead-decider");
        var selfDecided = await self.PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { comment = "ok" });
        Assert.Equal(HttpStatusCode.OK, selfDecided.StatusCode); // a different person than the decider
        var state = (await Body(selfDecided)).GetProperty("state").GetString();
        Assert.Equal("decided", state);
        var earlyFulfil = await reviewer.PostAsync($"/api/v1/demands/{id}/fulfil", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, earlyFulfil.StatusCode);
        Assert.Contains("notice", (await Body(earlyFulfil)).GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);

        await RunNoticesAndOutbox();
        var mail = app.Smtp.Messages.FirstOrDefault(m => m.To.Any(t => t.Contains("user-flow@users.example.org", StringComparison.Ordinal)));
        Assert.NotNull(mail.Data);
        Assert.Contains("Federal Bureau of Investigation", mail.Data, StringComparison.Ordinal);
        Assert.Contains("X-RightsDesk-Idempotency-Key", mail.Data, StringComparison.Ordinal);

        var hook = app.Webhook.Requests.FirstOrDefault(r => r.Body.Contains(target, StringComparison.Ordinal));
        Assert.NotNull(hook.Body);
        var expected = "v1=" + WebhookSender.Sign(DeskApp.WebhookSecret, hook.Headers["X-RightsDesk-Timestamp"], hook.Body);
        Assert.Equal(expected, hook.Headers["X-RightsDesk-Signature"]);
        Assert.NotEqual("v1=" + WebhookSender.Sign("wrong-secret", hook.Headers["X-RightsDesk-Timestamp"], hook.Body), hook.Headers["X-RightsDesk-Signature"]);

        var fulfilled = await reviewer.PostAsync($"/api/v1/demands/{id}/fulfil", null);
        Assert.Equal(HttpStatusCode.OK, fulfilled.StatusCode);
        var view = await Body(await reviewer.GetAsync($"/api/v1/demands/{id}"));
        Assert.Equal("fulfilled", view.GetProperty("state").GetString());
        var packageId = view.GetProperty("packages")[0].GetProperty("id").GetString();
        var package = await Body(await reviewer.GetAsync($"/api/v1/demands/{id}/packages/{packageId}"));
        var categories = package.GetProperty("manifest").GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("category").GetString()).Order().ToList();
        Assert.Equal(["content", "subscriberInfo"], categories);
        Assert.DoesNotContain("never", package.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(view.GetProperty("history").EnumerateArray(), s => s.GetProperty("action").GetString() == "approve");

        var letter = await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/letters", new { language = "fr" });
        Assert.Equal(HttpStatusCode.Created, letter.StatusCode);
        var text = await letter.Content.ReadAsStringAsync();
        Assert.Equal("fr", (await Body(letter)).GetProperty("language").GetString());
        Assert.DoesNotContain(target, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fulfilling_a_preservation_freezes_records_and_discloses_nothing()
    {
        var target = "acct-keep-" + Guid.NewGuid().ToString("N")[..8];
        var dir = Path.Combine(app.ConnectorRoot, "account", target);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "content.json"), "{\"secret\":\"must-not-leave\"}");
        var intake = await app.ClientFor(Roles.Intake);
        var id = (await Body(await intake.PostAsync("/api/v1/demands", Json(WithTarget(TestRepo.Example("12-us-preservation-request"), target))))).GetProperty("id").GetString();
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        Assert.Equal("decided", (await Body(await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "preserve" }))).GetProperty("state").GetString());
        var fulfilled = await reviewer.PostAsync($"/api/v1/demands/{id}/fulfil", null);
        Assert.Equal(HttpStatusCode.OK, fulfilled.StatusCode);
        var packageId = (await Body(fulfilled)).GetProperty("packages")[0].GetProperty("id").GetString();
        var package = (await reviewer.GetAsync($"/api/v1/demands/{id}/packages/{packageId}")).Content.ReadAsStringAsync();
        var text = await package;
        Assert.DoesNotContain("must-not-leave", text, StringComparison.Ordinal);
        Assert.Contains("preserved: P-", text, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.ConnectorRoot, "preservations")));
    }

    [Fact]
    public async Task The_decider_cannot_approve_their_own_decision()
    {
        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", Json(WithTarget(TestRepo.Example("03-us-subpoena-overbroad"), "acct-self-" + Guid.NewGuid().ToString("N")[..6])));
        var id = (await Body(created)).GetProperty("id").GetString();
        var lead = await app.ClientFor(Roles.HumanRightsLead, "lead-both");
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "discloseNarrowed" })).StatusCode);
        var own = await lead.PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("own decision", (await Body(own)).GetProperty("detail").GetString()!, StringComparison.Ordinal);

        // Going beyond the recommendation needs a written reason.
        var created2 = await intake.PostAsync("/api/v1/demands", Json(WithTarget(TestRepo.Example("06-hong-kong-national-security"), "acct-hk-" + Guid.NewGuid().ToString("N")[..6])));
        var id2 = (await Body(created2)).GetProperty("id").GetString();
        var depart = await lead.PostAsJsonAsync($"/api/v1/demands/{id2}/decision", new { outcome = "disclose" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, depart.StatusCode);
        Assert.Contains("departs from the recommendation", (await Body(depart)).GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_names_every_bad_field_and_stores_nothing()
    {
        var intake = await app.ClientFor(Roles.Intake);
        var before = 0;
        await app.InScope(async sp => before = await sp.GetRequiredService<RightsDeskDbContext>().Demands.CountAsync());
        var bad = """{"kind":"userDta","receivedAt":"yesterday","channel":"email","authority":{"name":"X","country":"XX","type":"police"},"legalProcess":"subpoena","targets":[{"type":"account"}],"document":{"written":true},"dataCategory":["content"]}""";
        var r = await intake.PostAsync("/api/v1/demands", Json(bad));
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{r.StatusCode} {r.Headers.WwwAuthenticate} {await r.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var errors = (await Body(r)).GetProperty("errors");
        foreach (var field in new[] { "kind", "receivedAt", "authority.country", "authority.type", "targets[0].id", "dataCategory" })
        {
            Assert.True(errors.TryGetProperty(field, out _), "missing error for " + field + ": " + errors.GetRawText());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await intake.PostAsync("/api/v1/demands", Json("{not json"))).StatusCode);
        var after = 0;
        await app.InScope(async sp => after = await sp.GetRequiredService<RightsDeskDbContext>().Demands.CountAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_case_about_someone_at_risk_is_hidden_from_roles_without_clearance()
    {
        var person = "@defender-" + Guid.NewGuid().ToString("N")[..6];
        var lead = await app.ClientFor(Roles.HumanRightsLead);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/v1/at-risk", new { id = person, category = "journalist" })).StatusCode);

        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", Json(WithTarget(TestRepo.Example("16-us-subpoena-for-journalist"), person)));
        var body = await Body(created);
        var id = body.GetProperty("id").GetString();

        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose" })).StatusCode);
        var list = await Body(await reviewer.GetAsync("/api/v1/demands?pageSize=200"));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString() == id);

        // No token reads a compartmented case, the lead's included: the lead reads it on the desk.
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        await app.InScope(async sp =>
        {
            var cases = sp.GetRequiredService<DemandCases>();
            var record = (await cases.FindAsync(Guid.Parse(id!), default))!;
            Assert.True(DemandAccess.CanSeeContents(DeskSession(Roles.HumanRightsLead), record));
            var assessment = cases.Sealing.Assessment(record)!;
            Assert.True(assessment.Escalation.Required);
            Assert.Equal(2, assessment.RequiredApprovals);
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/demands/{id}")).StatusCode);
        var auditor = await app.ClientFor(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/demands")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/v1/at-risk")).StatusCode);
    }

    [Fact]
    public async Task A_gagged_notice_waits_for_the_order_to_expire()
    {
        var target = "acct-gag-" + Guid.NewGuid().ToString("N")[..8];
        var dir = Path.Combine(app.ConnectorRoot, "account", target);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "contact.json"), $"{{\"email\":\"{target}@users.example.org\"}}");
        var intake = await app.ClientFor(Roles.Intake);
        var id = (await Body(await intake.PostAsync("/api/v1/demands", Json(WithTarget(TestRepo.Example("02-us-search-warrant-with-gag"), target))))).GetProperty("id").GetString();
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "disclose" });
        await (await app.ClientFor(Roles.Approver)).PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { });
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/demands/{id}/fulfil", null)).StatusCode);

        await RunNoticesAndOutbox();
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Any(t => t.Contains(target, StringComparison.Ordinal)));

        var notice = (await Body(await reviewer.GetAsync($"/api/v1/demands/{id}"))).GetProperty("notices")[0];
        Assert.Equal("afterNonDisclosure", notice.GetProperty("plan").GetString());
        Assert.Equal("2026-09-03", notice.GetProperty("earliest").GetString());

        // The clock only moves forward; other tests in the class do not depend on the date.
        var expiry = new DateTimeOffset(2026, 9, 3, 9, 0, 0, TimeSpan.Zero);
        if (app.Clock.GetUtcNow() < expiry)
        {
            app.Clock.SetUtcNow(expiry);
        }

        await RunNoticesAndOutbox();

        Assert.Contains(app.Smtp.Messages, m => m.To.Any(t => t.Contains(target, StringComparison.Ordinal)));
    }
}

public sealed class SqliteDemandFlowTests(SqliteDeskApp app) : DemandFlowTests<SqliteDeskApp>(app);

public sealed class PostgresDemandFlowTests(PostgresDeskApp app) : DemandFlowTests<PostgresDeskApp>(app);
