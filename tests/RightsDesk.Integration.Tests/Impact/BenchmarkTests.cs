using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Impact;

/// <summary>Benchmarks read live figures from the ledger at a tree size: a reading can be recomputed after the ledger has grown.</summary>
public abstract class BenchmarkTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    /// <summary>Decisions on demands from a country, as the ledger records them (the figures a metric reads).</summary>
    private async Task DecideAsync(string country, params Recommendation[] outcomes)
    {
        await app.InScope(async sp =>
        {
            var ledger = sp.GetRequiredService<LedgerWriter>();
            foreach (var outcome in outcomes)
            {
                var dims = new DemandDimensions(DemandKind.UserData, country, AuthorityType.LawEnforcement, LegalProcess.Subpoena, false, new DateOnly(2026, 3, 1));
                ledger.Record(new DecisionRecorded(Guid.NewGuid(), outcome, false, [DataCategory.SubscriberInfo], [], dims), "bench-reviewer", Guid.NewGuid().ToString());
            }

            await ledger.SaveAsync();
        });
    }

    [Fact]
    public async Task A_reading_is_reproducible_at_its_tree_size_after_later_changes_and_off_target_raises_a_review()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "bench-lead");
        var id = await ImpactFlowTests<TApp>.CreateAsync(lead, "KE");
        var country = "EG";
        var benchmark = await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/benchmarks", new
        {
            title = "Push back on overbroad demands from Egypt", metric = "demands.rejectedOrChallenged", country,
            commitment = "Challenge or reject every demand that fails the legitimate-aim test", baseline = 10, target = 50, direction = "atLeast",
        }));

        await DecideAsync(country, Recommendation.Reject, Recommendation.Disclose, Recommendation.Disclose, Recommendation.Disclose);
        var first = await lead.PostAsync($"/api/v1/benchmarks/{benchmark}/readings", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var r1 = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(25m, r1.GetProperty("value").GetDecimal());
        Assert.False(r1.GetProperty("onTarget").GetBoolean());

        // The ledger grows: more decisions, from Egypt and elsewhere.
        await DecideAsync(country, Recommendation.Challenge, Recommendation.Reject, Recommendation.Reject, Recommendation.Challenge);
        await DecideAsync("US", Recommendation.Disclose);
        var r2 = await (await lead.PostAsync($"/api/v1/benchmarks/{benchmark}/readings", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(62.5m, r2.GetProperty("value").GetDecimal());
        Assert.True(r2.GetProperty("onTarget").GetBoolean());
        Assert.True(r2.GetProperty("treeSize").GetInt64() > r1.GetProperty("treeSize").GetInt64());

        await DecideAsync(country, Recommendation.Disclose);
        var recomputed = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/benchmarks/{benchmark}/recompute")).EnumerateArray().ToList();
        Assert.Equal([25m, 62.5m], recomputed.Select(r => r.GetProperty("recomputed").GetDecimal()));
        Assert.All(recomputed, r => Assert.True(r.GetProperty("matches").GetBoolean()));

        var view = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}");
        var raised = Assert.Single(view.GetProperty("reviews").EnumerateArray());
        Assert.Equal("benchmarkOffTarget", raised.GetProperty("cause").GetString());
        Assert.Equal(JsonValueKind.Null, raised.GetProperty("conductedAt").ValueKind);
        Assert.Equal(2, view.GetProperty("benchmarks")[0].GetProperty("readings").GetArrayLength());
    }

    [Fact]
    public async Task A_benchmark_binds_only_to_a_registered_metric()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "bench-lead-2");
        var id = await ImpactFlowTests<TApp>.CreateAsync(lead, "KE");
        var refused = await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/benchmarks", new { title = "t", metric = "made.up", commitment = "c", baseline = 0, target = 1, direction = "atLeast" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("notices.deadLetters", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var metrics = (await lead.GetFromJsonAsync<JsonElement>("/api/v1/metrics")).EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["demands.rejectedOrChallenged", "incidents.acknowledgedInTarget", "incidents.resolvedInTarget", "notices.beforeDisclosure", "notices.deadLetters", "restrictions.narrowedToJurisdiction"], metrics);
        var backwards = await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/benchmarks", new { title = "t", metric = "notices.deadLetters", commitment = "c", baseline = 0, target = 5, direction = "atMost" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }
}

public sealed class SqliteBenchmarkTests(SqliteDeskApp app) : BenchmarkTests<SqliteDeskApp>(app);

public sealed class PostgresBenchmarkTests(PostgresDeskApp app) : BenchmarkTests<PostgresDeskApp>(app);
