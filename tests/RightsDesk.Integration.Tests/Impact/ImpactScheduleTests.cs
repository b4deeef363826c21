using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Impact;
using RightsDesk.Core.Assessment;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Impact;

/// <summary>
/// The monitoring schedule and the phases on both engines: benchmarks are read when their interval has passed, a
/// benchmark that goes off target raises one review however many readings find it there, and the phase endpoint
/// refuses a skip, a step back and monitoring before sign-off, each as a problem naming the field.
/// </summary>
public abstract class ImpactScheduleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private Task DecideAsync(params Recommendation[] outcomes) => app.InScope(async sp =>
    {
        var ledger = sp.GetRequiredService<LedgerWriter>();
        foreach (var outcome in outcomes)
        {
            var dims = new DemandDimensions(DemandKind.UserData, "EG", AuthorityType.LawEnforcement, LegalProcess.Subpoena, false, new DateOnly(2026, 3, 1));
            ledger.Record(new DecisionRecorded(Guid.NewGuid(), outcome, false, [DataCategory.SubscriberInfo], [], dims), "schedule-reviewer", Guid.NewGuid().ToString());
        }

        await ledger.SaveAsync();
    });

    private Task<int> TakeDueAsync() => app.InScope(sp => sp.GetRequiredService<Benchmarks>().TakeDueAsync(default));

    private Task<int> RaisedAsync(Guid assessment) => app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents
        .CountAsync(e => e.SubjectId == assessment.ToString() && e.Code == (int)LedgerEventCode.ImpactReviewRaised));

    [Fact]
    public async Task The_schedule_reads_each_benchmark_once_per_interval_and_a_benchmark_off_target_raises_one_review()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "schedule-lead");
        var id = await ImpactFlowTests<TApp>.CreateAsync(lead, "KE");
        var benchmark = await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/benchmarks", new
        {
            title = "Push back on Egypt's demands", metric = "demands.rejectedOrChallenged", country = "EG", commitment = "Reject what fails the rights test",
            baseline = 0, target = 50, direction = "atLeast",
        }));

        await DecideAsync(Recommendation.Disclose);
        Assert.Equal(1, await TakeDueAsync());
        Assert.Equal(0, await TakeDueAsync());
        Assert.Equal(1, await RaisedAsync(id));

        // A week on it is read again and is still off target: no second review while the first one stands for it.
        app.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await TakeDueAsync());
        var review = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}")).GetProperty("reviews").EnumerateArray().Single();
        Assert.Equal("benchmarkOffTarget", review.GetProperty("cause").GetString());
        await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/reviews", new { kind = "triggered", cause = "benchmarkOffTarget", summary = "Escalated to legal", nextReviewDue = "2026-09-01" }));
        app.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await TakeDueAsync());
        Assert.Equal(1, await RaisedAsync(id));

        // Back on target, then off again: that is a new fall, and it raises a new review.
        await DecideAsync(Recommendation.Reject, Recommendation.Reject, Recommendation.Challenge);
        Assert.True((await (await lead.PostAsync($"/api/v1/benchmarks/{benchmark}/readings", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("onTarget").GetBoolean());
        await DecideAsync(Recommendation.Disclose, Recommendation.Disclose, Recommendation.Disclose);
        app.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await TakeDueAsync());
        Assert.Equal(2, await RaisedAsync(id));

        var readings = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/impact-assessments/{id}")).GetProperty("benchmarks")[0].GetProperty("readings").EnumerateArray().ToList();
        Assert.Equal(5, readings.Count);
        Assert.Equal(readings.Select(r => r.GetProperty("treeSize").GetInt64()).Order(), readings.Select(r => r.GetProperty("treeSize").GetInt64()));
        var recomputed = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/benchmarks/{benchmark}/recompute")).EnumerateArray();
        Assert.All(recomputed, r => Assert.True(r.GetProperty("matches").GetBoolean()));
    }

    [Fact]
    public async Task Phases_move_one_at_a_time_are_ledgered_and_monitoring_waits_for_the_sign_off()
    {
        var lead = await app.ClientFor(Roles.HumanRightsLead, "phase-lead");
        var signer = await app.ClientFor(Roles.HumanRightsLead, "phase-signer");
        var id = await ImpactFlowTests<TApp>.CreateAsync(lead, "BR");
        async Task<HttpResponseMessage> Move(string phase) => await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/phase", new { phase });

        var skip = await Move("analysingImpacts");
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Contains("not skipped", (await skip.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("phase")[0].GetString(), StringComparison.Ordinal);
        foreach (var phase in new[] { "dataCollectionAndBaseline", "analysingImpacts", "mitigationAndManagement", "reportingAndEvaluation" })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await Move(phase)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await Move("dataCollectionAndBaseline")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Move("monitoring")).StatusCode);
        var review = await ImpactFlowTests<TApp>.IdOf(await lead.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/reviews", new { kind = "scheduled", summary = "Report accepted", nextReviewDue = "2027-03-01" }));
        Assert.Equal(HttpStatusCode.NoContent, (await signer.PostAsJsonAsync($"/api/v1/impact-assessments/{id}/sign-off", new { review })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Move("monitoring")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Move("analysingImpacts")).StatusCode);

        var phases = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AsNoTracking()
            .Where(e => e.SubjectId == id.ToString() && e.Code == (int)LedgerEventCode.ImpactPhaseChanged).CountAsync());
        Assert.Equal(6, phases);

        // The desk offers only the phases the rules allow: from analysing impacts, the next one.
        var person = await PageSession.CreatePersonAsync(app, DeskApp.PersonEmail("phase-desk"), Roles.HumanRightsLead);
        using var desk = new PageSession(app);
        await desk.SignInAsync(person);
        var page = await desk.GetAsync($"/desk/impact/{id}");
        Assert.Contains("id=\"phase-form\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"mitigationAndManagement\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"planningAndScoping\"", page, StringComparison.Ordinal);
        var refused = await desk.PostFormAsync($"/desk/impact/{id}", [new("phase", "monitoring")], $"/desk/impact/{id}?handler=Phase");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not skipped", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var moved = await desk.PostFormAsync($"/desk/impact/{id}", [new("phase", "mitigationAndManagement")], $"/desk/impact/{id}?handler=Phase");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }
}

public sealed class SqliteImpactScheduleTests(SqliteDeskApp app) : ImpactScheduleTests<SqliteDeskApp>(app);

public sealed class PostgresImpactScheduleTests(PostgresDeskApp app) : ImpactScheduleTests<PostgresDeskApp>(app);
