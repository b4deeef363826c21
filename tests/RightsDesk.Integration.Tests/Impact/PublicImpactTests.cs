using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RightsDesk.Core.Security;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Impact.ImpactFlowTests<RightsDesk.Integration.Tests.Support.SqliteDeskApp>;

namespace RightsDesk.Integration.Tests.Impact;

/// <summary>
/// The public summary of impact assessments on both engines: a draft is only counted; once a second person signs it
/// off its figures are published (risks by band and right, mitigations by status adding up, consultations banded,
/// benchmarks with their latest reading), in every language and as JSON, and never a name, a consultation's words or
/// an identifier on the at-risk registry, though every free-text field of the assessment carries them.
/// </summary>
public abstract class PublicImpactTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Name = "Wanjiru Kamau";
    private const string Identifier = "@wkamau@nairobi.social";

    [Fact]
    public async Task A_signed_assessment_is_published_in_numbers_without_names_words_or_registry_identifiers()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "public-impact-lead");
        var signer = await app.ClientFor(Roles.HumanRightsLead, "public-impact-signer");
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/v1/at-risk", new { id = Identifier, category = "journalist", note = Name })).StatusCode);

        var created = await lead.PostAsJsonAsync("/api/v1/impact-assessments", new
        {
            title = $"Kenya entry, raised by {Name} ({Identifier})", trigger = "marketEntry",
            scope = new { products = new[] { "timeline" }, countries = new[] { "KE" }, partners = new[] { $"{Name}'s payments firm" } },
            assessors = new[] { new { name = Name, independent = true } }, nextReviewDue = "2027-03-01",
        });
        var id = await IdOf(created);
        var risk = new
        {
            title = $"Unmasking {Identifier}", rights = new[] { "iccpr-19", "iccpr-17" }, groups = new[] { new { group = "journalists", country = "KE" } },
            nature = "potential", involvement = "contribute",
            inherent = new { scale = Rating(4, Name), scope = Rating(2, Identifier), irremediability = Rating(4, Name), likelihood = Rating(2, Name) },
            evidence = new[] { $"Interview with {Name}" },
        };
        var r1 = await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", risk));
        await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/risks", RiskBody("mild", 1, 1, 1, 3)));
        var m = await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/mitigations",
            new { title = $"Protect {Name}", risks = new[] { r1 }, owner = DeskApp.PersonEmail("public-impact-lead"), due = "2026-06-30" }));
        await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/mitigations",
            new { title = "Second measure", risks = new[] { r1 }, owner = DeskApp.PersonEmail("public-impact-lead"), due = "2026-07-30" }));
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/mitigation-status", new { mitigation = m, status = "implemented", evidence = Array.Empty<string>() })).StatusCode);
        await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/consultations", new
        {
            group = "journalists", country = "KE", method = "focusGroup", heldOn = "2026-02-20", participants = 3, consented = true,
            namedParticipants = new[] { Name }, precautions = $"Met {Name} off-site", issuesRaised = new[] { $"Police asked for {Identifier}" }, risks = new[] { r1 },
            reportedBack = $"Told {Name}",
        }));
        await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/benchmarks", new
        {
            title = $"Benchmark for {Name}", metric = "notices.deadLetters", commitment = $"Keep {Identifier} safe", baseline = 3, target = 0, direction = "atMost",
        }));

        using var anonymous = app.CreateClient();
        var draft = await anonymous.GetFromJsonAsync<JsonElement>("/transparency/impact.json");
        Assert.Equal(0, draft.GetProperty("assessments").GetArrayLength());
        Assert.Equal(1, draft.GetProperty("notYetSigned").GetInt32());

        var review = await IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/reviews", new { kind = "scheduled", summary = $"Board heard {Name}", nextReviewDue = "2027-03-01" }));
        Assert.Equal(HttpStatusCode.NoContent, (await signer.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/sign-off", new { review })).StatusCode);
        var bench = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}")).GetProperty("benchmarks")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync($"/api/v1/benchmarks/{bench}/readings", null)).StatusCode);

        var json = await anonymous.GetStringAsync("/transparency/impact.json");
        var summary = JsonDocument.Parse(json).RootElement;
        var a = summary.GetProperty("assessments").EnumerateArray().Single();
        Assert.Equal("marketEntry", a.GetProperty("trigger").GetString());
        Assert.Equal(["KE"], a.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, a.GetProperty("risks").GetInt32());
        Assert.Equal(2, a.GetProperty("risksBySeverity").EnumerateArray().Sum(b => b.GetProperty("low").GetInt32()));
        Assert.Contains(a.GetProperty("risksByRight").EnumerateArray(), r => r.GetProperty("right").GetString() == "iccpr-19" && r.GetProperty("risks").GetInt32() == 2);
        var statuses = a.GetProperty("mitigationsByStatus").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("low").GetInt32());
        Assert.Equal(a.GetProperty("mitigations").GetInt32(), statuses.Values.Sum());
        Assert.Equal((1, 1), (statuses["proposed"], statuses["implemented"]));
        // Three people heard: a small number, published as the band from 1 to the threshold.
        var participants = a.GetProperty("consultations").GetProperty("participants");
        Assert.Equal(1, participants.GetProperty("low").GetInt64());
        Assert.True(participants.GetProperty("high").GetInt64() > 3, "a small count is a band");
        var benchmark = a.GetProperty("benchmarks")[0];
        Assert.Equal("notices.deadLetters", benchmark.GetProperty("metric").GetString());
        Assert.True(benchmark.GetProperty("treeSize").GetInt64() > 0);
        Assert.NotEqual(0, summary.GetProperty("leftOut").GetArrayLength());

        var pages = new List<string> { json };
        foreach (var lang in new[] { "en", "fr", "es", "ru", "tr", "ar", "fa", "zh-Hans" })
        {
            var r = await anonymous.GetAsync($"/{lang}/transparency/impact");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var html = await r.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("id=\"left-out\"", html, StringComparison.Ordinal);
            pages.Add(html);
        }

        Assert.Contains("Market entry: Kenya", pages[1], StringComparison.Ordinal);
        Assert.Contains("Entrée sur un marché", pages[2], StringComparison.Ordinal);
        Assert.Contains("href=\"/en/transparency/impact\"", await anonymous.GetStringAsync("/en/transparency"), StringComparison.Ordinal);
        foreach (var text in pages)
        {
            foreach (var secret in new[] { Name, "Wanjiru", "wkamau", "payments firm", "Board heard", DeskApp.PersonEmail("public-impact-lead") })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}

public sealed class SqlitePublicImpactTests(SqliteDeskApp app) : PublicImpactTests<SqliteDeskApp>(app);

public sealed class PostgresPublicImpactTests(PostgresDeskApp app) : PublicImpactTests<PostgresDeskApp>(app);
