using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Defenders;
using RightsDesk.Application.Moderation;
using RightsDesk.Application.Notices;
using RightsDesk.Application.Outbox;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Defenders;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>
/// Moderation after the decision, through the real host on each engine: a fulfilled restriction demand becomes a
/// decision the platform is told to apply and reports back on; time-bound measures end on their date and the
/// platform is told; indefinite ones are kept until their next review; a measure against someone on the at-risk
/// registry is held like any other and needs two people.
/// </summary>
public abstract class ModerationFlowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private async Task RunOutbox() => await app.InScope(async sp =>
    {
        await sp.GetRequiredService<NoticeJob>().RunAsync(default);
        await sp.GetRequiredService<OutboxProcessor>().ProcessDueAsync(default);
    });

    private static JsonObject Decision(string puid, DateOnly applied, string? account = null) => new()
    {
        ["decisionVisibility"] = new JsonArray("DECISION_VISIBILITY_CONTENT_DEMOTED"),
        ["decisionGround"] = "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        ["incompatibleContentGround"] = "Community guidelines 4",
        ["contentType"] = new JsonArray("CONTENT_TYPE_TEXT"),
        ["category"] = "STATEMENT_CATEGORY_CYBER_VIOLENCE",
        ["territorialScope"] = new JsonArray("GLOBAL"),
        ["contentDate"] = applied.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["applicationDate"] = applied.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["decisionFacts"] = "Harassment in replies.",
        ["sourceType"] = "SOURCE_VOLUNTARY",
        ["automatedDetection"] = "No",
        ["automatedDecision"] = "AUTOMATED_DECISION_NOT_AUTOMATED",
        ["puid"] = puid,
        ["userLanguage"] = "en",
        ["account"] = account ?? "@someone-" + puid + "@example.social",
    };

    private static async Task<JsonElement> Report(HttpClient client, JsonNode body)
    {
        var response = await client.PostAsync("/api/v1/moderation/decisions", Json(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("results")[0];
    }

    private Task<ModerationDecisionRecord> Row(string puid) =>
        app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().ModerationDecisions.AsNoTracking().SingleAsync(r => r.Puid == puid));

    private Task<List<int>> Codes(Guid subject) => app.InScope(sp =>
        sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AsNoTracking().Where(e => e.SubjectId == subject.ToString()).OrderBy(e => e.Seq).Select(e => e.Code).ToListAsync());

    [Fact]
    public async Task A_fulfilled_restriction_demand_is_a_decision_the_platform_is_told_to_apply_and_reports_on()
    {
        var target = "https://social.example/p/" + Guid.NewGuid().ToString("N")[..12];
        var order = JsonNode.Parse(TestRepo.Example("07-germany-section-130-court-order"))!;
        order["targets"]![0]!["id"] = target;
        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", Json(order.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = Guid.Parse(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "restrictInJurisdiction" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(Roles.Approver)).PostAsJsonAsync($"/api/v1/demands/{id}/approvals", new { })).StatusCode);
        await RunOutbox();
        var fulfilled = await reviewer.PostAsync($"/api/v1/demands/{id}/fulfil", null);
        Assert.True(fulfilled.StatusCode == HttpStatusCode.OK, await fulfilled.Content.ReadAsStringAsync());

        // One decision for the one target: sourced to the demand, on its legal ground, only where the assessment allowed.
        var puid = Core.Moderation.DemandRestrictions.Puid(id, 0);
        var row = await Row(puid);
        Assert.Equal(id, row.DemandId);
        Assert.Equal(ModerationState.Active, row.State);
        Assert.Equal("SOURCE_TYPE_OTHER_NOTIFICATION", row.SourceType);
        Assert.Equal(Core.Moderation.Rung.GeoRestrict, row.Rung);
        var decision = await app.InScope(sp => Task.FromResult(sp.GetRequiredService<ModerationReview>().Open(row)));
        Assert.Equal(["DE"], decision.TerritorialScope);
        Assert.Contains("§ 130 StGB", decision.IllegalContentLegalGround, StringComparison.Ordinal);
        Assert.Equal(id, decision.DemandId);

        // The platform is told, by the signed webhook, what to restrict where.
        await RunOutbox();
        var call = app.Webhook.Requests.Select(r => r.Body).Single(b => b.Contains(puid, StringComparison.Ordinal));
        Assert.Contains("moderation.apply", call, StringComparison.Ordinal);
        Assert.Contains(target, call, StringComparison.Ordinal);
        Assert.Contains("\"DE\"", call, StringComparison.Ordinal);

        // It reports back: a failure needs its description; a person cannot report for the platform.
        var platform = await app.ClientFor(Roles.Platform);
        var applied = $"/api/v1/moderation/decisions/{puid}/applied";
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.PostAsJsonAsync(applied, new { result = "failed" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.PostAsJsonAsync(applied, new { result = "done" })).StatusCode);
        Assert.Equal((HttpStatusCode)422, (await (await app.ClientFor(Roles.TrustAndSafety)).PostAsJsonAsync(applied, new { result = "applied" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.PostAsJsonAsync("/api/v1/moderation/decisions/no-such-puid/applied", new { result = "applied" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.PostAsJsonAsync(applied, new { result = "failed", failure = "The post was already deleted by its author." })).StatusCode);
        var ok = await platform.PostAsJsonAsync(applied, new { result = "applied" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var view = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("applied", view.GetProperty("result").GetString());
        Assert.Equal("active", view.GetProperty("state").GetString());

        Assert.Equal(PlatformResult.Applied, (await Row(puid)).PlatformResult);
        var codes = await Codes(row.Id);
        Assert.Equal(2, codes.Count(c => c == (int)LedgerEventCode.ModerationDecisionApplied));
        var events = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AsNoTracking().Where(e => e.SubjectId == row.Id.ToString()).Select(e => e.Data).ToListAsync());
        Assert.All(events, e => Assert.DoesNotContain("already deleted", e, StringComparison.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain(target, e, StringComparison.Ordinal));

        // The demand's page and the decision's page say what the platform reported.
        var person = await PageSession.CreatePersonAsync(app, $"ts-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.TrustAndSafety);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        var page = await s.GetAsync($"/desk/moderation/{row.Id}");
        Assert.Contains("id=\"platform-result\">applied", page, StringComparison.Ordinal);
        var demandPage = await s.GetAsync($"/desk/demands/{id}");
        Assert.Contains("id=\"demand-decisions\"", demandPage, StringComparison.Ordinal);
        Assert.Contains("at the platform: applied", demandPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_bound_measure_ends_on_its_date_and_the_platform_is_told()
    {
        var platform = await app.ClientFor(Roles.Platform);
        var (ending, lasting) = (Unique("ends"), Unique("lasts"));
        var soon = Decision(ending, Today);
        soon["endDateVisibilityRestriction"] = Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var later = Decision(lasting, Today);
        later["endDateVisibilityRestriction"] = Today.AddDays(400).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Report(platform, soon);
        await Report(platform, later);

        await app.InScope(sp => sp.GetRequiredService<EndMeasures>().RunAsync(500, default));
        Assert.Equal(ModerationState.Active, (await Row(ending)).State);

        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.InScope(sp => sp.GetRequiredService<EndMeasures>().RunAsync(500, default));
        var ended = await Row(ending);
        Assert.Equal(ModerationState.Ended, ended.State);
        Assert.NotNull(ended.EndedAt);
        Assert.Equal(ModerationState.Active, (await Row(lasting)).State);
        Assert.Contains((int)LedgerEventCode.ModerationMeasureEnded, await Codes(ended.Id));

        await RunOutbox();
        Assert.Contains(app.Webhook.Requests, r => r.Body.Contains("moderation.ended", StringComparison.Ordinal) && r.Body.Contains(ending, StringComparison.Ordinal));

        // An ended measure is not to be applied: the platform's report is refused.
        var late = await platform.PostAsJsonAsync($"/api/v1/moderation/decisions/{ending}/applied", new { result = "applied" });
        Assert.Equal((HttpStatusCode)422, late.StatusCode);
    }

    [Fact]
    public async Task An_indefinite_measure_due_for_review_is_kept_until_the_next_review()
    {
        var platform = await app.ClientFor(Roles.Platform);
        var puid = Unique("indef");
        await Report(platform, Decision(puid, new DateOnly(2025, 1, 6)));
        var row = await Row(puid);
        Assert.True(row.ReviewDue <= Today);

        var person = await PageSession.CreatePersonAsync(app, $"ts-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.TrustAndSafety);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        var queue = await s.GetAsync("/desk/moderation?queue=reviewDue");
        Assert.Contains($"id=\"d-{row.Id}\"", queue, StringComparison.Ordinal);
        var kept = await s.PostFormAsync("/desk/moderation?queue=reviewDue", [new("decisionId", row.Id.ToString())], "/desk/moderation?handler=keep");
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);

        var after = await Row(puid);
        Assert.Equal(Today.AddDays(180), after.ReviewDue);
        Assert.Contains((int)LedgerEventCode.ModerationMeasureKept, await Codes(row.Id));
        Assert.DoesNotContain($"id=\"d-{row.Id}\"", await s.GetAsync("/desk/moderation?queue=reviewDue"), StringComparison.Ordinal);
        var again = await s.PostFormAsync("/desk/moderation", [new("decisionId", row.Id.ToString())], "/desk/moderation?handler=keep");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task A_measure_against_someone_on_the_at_risk_registry_is_held_without_saying_why_and_needs_two_people()
    {
        var handle = "@" + Unique("defender") + "@example.social";
        await app.InScope(async sp =>
        {
            var registry = sp.GetRequiredService<AtRiskRegistry>();
            var entry = new AtRiskEntry([new(IdentifierKind.Handle, handle)], "journalist", AtRiskSource.Staff, false, null, null, AtRiskVisibility.LeadAndResponders, null, null);
            var proposal = await registry.ProposeAsync(entry, Actor.Person("flow-proposer", "flow-proposer"), default);
            await registry.ApproveAsync(proposal.Id, Viewer.For(Actor.Person("flow-approver", "flow-approver"), Roles.HumanRightsLead, viaToken: false), default);
        });

        var platform = await app.ClientFor(Roles.Platform);
        var (protectedPuid, otherPuid) = (Unique("prot"), Unique("auto"));
        var answer = await Report(platform, Decision(protectedPuid, Today, handle.ToUpperInvariant()));
        var automated = Decision(otherPuid, Today);
        automated.Remove("decisionVisibility");
        automated["decisionAccount"] = "DECISION_ACCOUNT_SUSPENDED";
        automated["automatedDecision"] = "AUTOMATED_DECISION_FULLY";
        var other = await Report(platform, automated);

        // The same answer as any held measure: nothing in it names the registry or a reason.
        Assert.Equal("hold", answer.GetProperty("action").GetString());
        Assert.Equal(other.EnumerateObject().Select(p => p.Name), answer.EnumerateObject().Select(p => p.Name));
        Assert.Empty(answer.GetProperty("errors").EnumerateArray());
        Assert.DoesNotContain("risk", answer.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var row = await Row(protectedPuid);
        Assert.True(row.SecondReviewRequired);
        Assert.Equal(ModerationState.Held, row.State);
        Assert.Equal("", row.Findings);

        var (first, second) = (Actor.Person("flow-ts-1", "flow-ts-1"), Actor.Person("flow-ts-2", "flow-ts-2"));
        await app.InScope(sp => sp.GetRequiredService<ModerationReview>().ConfirmAsync(row.Id, first, default));
        Assert.Equal(ModerationState.Held, (await Row(protectedPuid)).State);
        var twice = await Assert.ThrowsAsync<WorkflowException>(() => app.InScope(sp => sp.GetRequiredService<ModerationReview>().ConfirmAsync(row.Id, first, default)));
        Assert.Contains("already", twice.Message, StringComparison.Ordinal);
        await app.InScope(sp => sp.GetRequiredService<ModerationReview>().ConfirmAsync(row.Id, second, default));

        var confirmed = await Row(protectedPuid);
        Assert.Equal(ModerationState.Active, confirmed.State);
        Assert.Equal("flow-ts-1", confirmed.FirstConfirmedById);
        Assert.Equal("flow-ts-2", confirmed.ReviewedById);
        var codes = await Codes(row.Id);
        Assert.Contains((int)LedgerEventCode.ModerationConfirmationAwaited, codes);
        Assert.Contains((int)LedgerEventCode.ModerationDecisionConfirmed, codes);

        // Once two people confirmed it, the platform is told to apply it (and told nothing about why it waited).
        await RunOutbox();
        var call = app.Webhook.Requests.Select(r => r.Body).Single(b => b.Contains(protectedPuid, StringComparison.Ordinal));
        Assert.Contains("moderation.apply", call, StringComparison.Ordinal);
        Assert.DoesNotContain("risk", call, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqliteModerationFlowTests(SqliteDeskApp app) : ModerationFlowTests<SqliteDeskApp>(app);

public sealed class PostgresModerationFlowTests(PostgresDeskApp app) : ModerationFlowTests<PostgresDeskApp>(app);
