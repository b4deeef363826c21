using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Impact;

/// <summary>An impact assessment through the API on both engines: risks in severity order, the plan, sealed consultations, four eyes on sign-off, the gate.</summary>
public abstract class ImpactFlowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    internal static object Rating(int v, string why) => new { value = v, rationale = why };

    internal static object RiskBody(string title, int scale, int scope, int irremediability, int? likelihood) => new
    {
        title,
        rights = new[] { "iccpr-19", "iccpr-17" },
        groups = new[] { new { group = "journalists", country = "KE" } },
        nature = likelihood is null ? "actual" : "potential",
        involvement = "contribute",
        systemicRisk = "fundamentalRights",
        inherent = likelihood is { } l
            ? (object)new { scale = Rating(scale, "s"), scope = Rating(scope, "c"), irremediability = Rating(irremediability, "i"), likelihood = Rating(l, "l") }
            : new { scale = Rating(scale, "s"), scope = Rating(scope, "c"), irremediability = Rating(irremediability, "i") },
        evidence = new[] { "Press freedom index 2025" },
    };

    internal static async Task<Guid> CreateAsync(HttpClient lead, string country = "KE", string trigger = "marketEntry", string? product = null)
    {
        var r = await lead.PostAsJsonAsync("/api/v1/impact-assessments", new
        {
            title = $"Entry into {country}",
            trigger,
            scope = new { products = product is null ? Array.Empty<string>() : [product], countries = new[] { country }, partners = Array.Empty<string>() },
            assessors = new[] { new { name = "External counsel", independent = true } },
            nextReviewDue = "2026-09-01",
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static async Task<Guid> IdOf(HttpResponseMessage r)
    {
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Risks_come_most_severe_first_and_every_missing_rationale_is_refused_at_once()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "impact-lead-a");
        var id = await CreateAsync(lead);
        await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", RiskBody("mild but likely", 1, 2, 1, 4)));
        await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", RiskBody("severe but unlikely", 4, 3, 4, 1)));

        var bad = await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", new
        {
            title = "no reasons", rights = new[] { "iccpr-19" }, groups = new[] { new { group = "women", country = "KE" } }, nature = "potential", involvement = "cause",
            inherent = new { scale = new { value = 3 }, scope = new { value = 2 }, irremediability = new { value = 3, rationale = "Cannot be undone" }, likelihood = new { value = 2 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["inherent.scale.rationale", "inherent.scope.rationale", "inherent.likelihood.rationale"], errors);

        var view = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}");
        var risks = view.GetProperty("risks").EnumerateArray().ToList();
        Assert.Equal(["severe but unlikely", "mild but likely"], risks.Select(r => r.GetProperty("risk").GetProperty("title").GetString()));
        Assert.Equal("critical", risks[0].GetProperty("band").GetString());
        // The matrix cell of the critical band at likelihood 1 holds risk 1.
        Assert.Contains(view.GetProperty("matrix").EnumerateArray(), c => c.GetProperty("band").GetString() == "critical" && c.GetProperty("likelihood").GetInt32() == 1
            && c.GetProperty("ranks").EnumerateArray().Select(x => x.GetInt32()).SequenceEqual([1]));
    }

    [Fact]
    public async Task A_mitigation_is_verified_only_by_someone_other_than_its_owner()
    {
        var owner = await app.ClientFor(Roles.HumanRightsLead, "impact-owner");
        var other = await app.ClientFor(Roles.HumanRightsLead, "impact-checker");
        var id = await CreateAsync(owner);
        var risk = await IdOf(await owner.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", RiskBody("doxxing", 3, 2, 4, 2)));
        var mitigation = await IdOf(await owner.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/mitigations",
            new { title = "Hide reporters' locations", risks = new[] { risk }, owner = DeskApp.PersonEmail("impact-owner"), due = "2026-06-30", measure = "designAndInterfaces" }));
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/mitigation-status", new { mitigation, status = "implemented", evidence = Array.Empty<string>() })).StatusCode);

        var verify = new { mitigation, status = "verified", evidence = new[] { "Audit of 200 profiles, May 2026" } };
        var self = await owner.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/mitigation-status", verify);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("owner cannot verify", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await other.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/mitigation-status", verify)).StatusCode);

        var declined = await owner.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/mitigation-status", new { mitigation, status = "declined" });
        Assert.Equal(HttpStatusCode.BadRequest, declined.StatusCode);
        var view = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}");
        Assert.Equal("verified", view.GetProperty("mitigations")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Consultations_are_sealed_their_reading_is_ledgered_and_no_free_text_reaches_the_ledger()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "impact-consult");
        var id = await CreateAsync(lead);
        var risk = await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", RiskBody("ZebraRiskTitle", 3, 2, 4, 2)));
        var named = await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/consultations", new
        {
            group = "journalists", country = "KE", method = "focusGroup", heldOn = "2026-02-20", participants = 8, consented = false,
            namedParticipants = new[] { "Wanjiru K." }, precautions = "Held offline", issuesRaised = new[] { "x" }, risks = new[] { risk },
        });
        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        Assert.Contains("namedParticipants", await named.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/consultations", new
        {
            group = "journalists", country = "KE", method = "focusGroup", heldOn = "2026-02-20", participants = 8, consented = false,
            precautions = "QuokkaPrecaution: met off-site, no recordings", issuesRaised = new[] { "WombatIssue: police ask for reporters' IP logs" }, risks = new[] { risk },
            reportedBack = "Summary sent through the union",
        }));
        var list = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}/consultations");
        Assert.StartsWith("WombatIssue", list[0].GetProperty("issuesRaised")[0].GetString(), StringComparison.Ordinal);

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.ImpactConsultations.SingleAsync(c => c.AssessmentId == id);
            Assert.DoesNotContain("WombatIssue", System.Text.Encoding.UTF8.GetString(row.SealedBody), StringComparison.Ordinal);
            var events = await db.LedgerEvents.Where(e => e.SubjectId == id.ToString()).ToListAsync();
            Assert.Contains(events, e => e.Code == (int)LedgerEventCode.ImpactConsultationsRead);
            Assert.All(events, e => Assert.DoesNotMatch("Wombat|Quokka|Zebra|Wanjiru", e.Data));
        });
    }

    [Fact]
    public async Task Sign_off_takes_a_second_person_and_then_the_market_leaves_the_gate()
    {
        var conductor = await app.ClientFor(Roles.HumanRightsLead, "impact-conductor");
        var signer = await app.ClientFor(Roles.HumanRightsLead, "impact-signer");
        var reader = await app.ClientFor(Roles.LegalReviewer, "impact-reader");
        Assert.Contains(await GateAsync(reader), g => g == ("marketWithoutAssessment", "KE"));

        var id = await CreateAsync(conductor);
        var review = await IdOf(await conductor.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/reviews", new { kind = "scheduled", summary = "Findings considered by the board", nextReviewDue = "2027-03-01" }));
        var own = await conductor.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/sign-off", new { review });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await signer.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/sign-off", new { review })).StatusCode);

        var gate = await GateAsync(reader);
        Assert.DoesNotContain(gate, g => g == ("marketWithoutAssessment", "KE"));
        Assert.Contains(gate, g => g == ("marketWithoutAssessment", "BR"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/sign-off", new { review })).StatusCode);
    }

    [Fact]
    public async Task An_overdue_review_and_an_unassessed_market_appear_on_the_desk_home()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "impact-overdue");
        var id = await CreateAsync(lead, "BR");
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var row = await db.ImpactAssessments.SingleAsync(a => a.Id == id);
            row.NextReviewDue = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
            await db.SaveChangesAsync();
        });

        var person = await PageSession.CreatePersonAsync(app, $"hria-{Guid.NewGuid():N}"[..14] + "@desk.example", Roles.LegalReviewer);
        var page = new PageSession(app);
        await page.SignInAsync(person);
        var html = await page.Client.GetStringAsync("/desk");
        Assert.Contains("id=\"impact-gate\"", html, StringComparison.Ordinal);
        Assert.Contains("Market <strong>Brazil (BR)</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/desk/impact/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("review overdue", html, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<(string, string)>> GateAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/impact-gate")).EnumerateArray()
            .Select(g => (g.GetProperty("kind").GetString()!, g.GetProperty("subject").GetString()!)).ToList();
}

public sealed class SqliteImpactFlowTests(SqliteDeskApp app) : ImpactFlowTests<SqliteDeskApp>(app);

public sealed class PostgresImpactFlowTests(PostgresDeskApp app) : ImpactFlowTests<PostgresDeskApp>(app);
