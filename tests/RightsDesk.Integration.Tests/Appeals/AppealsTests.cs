using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Appeals;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;
using RightsDesk.Data.Outbox;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Appeals;

/// <summary>
/// Appeals (DSA Art. 20) through the real host on each engine: an appellant with a code appeals on the public page
/// (in Arabic) without an account, a person who took part in the decision is refused as reviewer, a second person
/// reverses it, the restriction is lifted, the outcome is queued for the appellant and the platform, and the
/// appellant reads it with the code. The platform's API takes appeals by puid with ProblemDetails errors.
/// </summary>
public abstract class AppealsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static StringContent Json(string puid, string statement) =>
        new(JsonSerializer.Serialize(new { puid, statement, language = "fr" }), Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_appeal_by_code_is_reversed_by_a_second_person_and_the_appellant_reads_the_outcome()
    {
        var decision = await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp));
        var code = await app.InScope(sp => sp.GetRequiredService<AppealCodes>().IssueAsync(Guid.Parse(decision), ModerationSupport.Platform, default));
        Assert.NotNull(code);

        // The first person confirms the held measure, so took part in the decision.
        var first = await PageSession.CreatePersonAsync(app, $"ts-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.TrustAndSafety);
        using var one = new PageSession(app);
        await one.SignInAsync(first);
        Assert.Equal(HttpStatusCode.Redirect, (await one.PostFormAsync("/desk/moderation", [new("decisionId", decision)], "/desk/moderation?handler=confirm")).StatusCode);

        using var appellant = new PageSession(app);
        var wrong = await appellant.PostFormAsync("/ar/appeal", [new("code", "not the right words at all here")], "/ar/appeal?handler=open");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var opened = await appellant.PostFormAsync("/ar/appeal", [new("code", code!.ToUpperInvariant())], "/ar/appeal?handler=open");
        var form = await opened.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("dir=\"rtl\"", form, StringComparison.Ordinal);
        Assert.Contains("لماذا القرار خاطئ؟", form, StringComparison.Ordinal);
        var sent = await appellant.PostFormAsync("/ar/appeal",
            [new("code", code), new("statement", "المنشور كان اقتباساً من تقرير إخباري وليس تهديداً."), new("newInformation", ""), new("contact", "appellant@example.org")],
            "/ar/appeal?handler=submit");
        var sentPage = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("id=\"sent\"", sentPage, StringComparison.Ordinal);
        var appealId = await app.InScope(sp => sp.GetRequiredService<RightsDeskDbContext>().Appeals.AsNoTracking().Where(a => a.DecisionId == Guid.Parse(decision)).Select(a => a.Id).SingleAsync());

        // The person who confirmed the decision is refused by the kernel's actor comparison.
        var refused = await one.PostFormAsync($"/desk/appeals/{appealId}", [], $"/desk/appeals/{appealId}?handler=take");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("took no part", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var second = await PageSession.CreatePersonAsync(app, $"ts-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.TrustAndSafety);
        using var two = new PageSession(app);
        await two.SignInAsync(second);
        var queue = await two.GetAsync("/desk/appeals");
        Assert.Contains($"id=\"a-{appealId}\"", queue, StringComparison.Ordinal);
        Assert.Contains("left", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await two.PostFormAsync($"/desk/appeals/{appealId}", [], $"/desk/appeals/{appealId}?handler=take")).StatusCode);
        var page = await two.GetAsync($"/desk/appeals/{appealId}");
        Assert.Contains("تقرير إخباري", page, StringComparison.Ordinal);
        Assert.Contains("Threats in three posts.", page, StringComparison.Ordinal);
        var decided = await two.PostFormAsync($"/desk/appeals/{appealId}", [new("outcome", "reversed"), new("reasons", "The post quoted a news report; it was not a threat.")], $"/desk/appeals/{appealId}?handler=decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var outcome = await appellant.PostFormAsync("/ar/appeal", [new("code", code)], "/ar/appeal?handler=open");
        var outcomePage = await outcome.Content.ReadAsStringAsync();
        Assert.Contains("أُلغي القرار ورُفع التقييد.", outcomePage, StringComparison.Ordinal);
        Assert.Contains("The post quoted a news report; it was not a threat.", outcomePage, StringComparison.Ordinal);

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.Equal(ModerationState.Lifted, (await db.ModerationDecisions.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(decision))).State);
            var appeal = await db.Appeals.AsNoTracking().SingleAsync(a => a.Id == appealId);
            Assert.Equal((AppealState.Decided, AppealOutcome.Reversed, true, "ar"), (appeal.State, appeal.Outcome!.Value, appeal.RestrictionLifted, appeal.Language));
            var messages = await db.Outbox.AsNoTracking().Where(m => m.CorrelationId == appealId.ToString()).Select(m => m.Channel).ToListAsync();
            Assert.Contains(OutboxChannel.Email, messages);
            Assert.Contains(OutboxChannel.Webhook, messages);
            var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == appealId.ToString() || e.SubjectId == decision).Select(e => new { e.Code, e.Data }).ToListAsync();
            foreach (var c in new[] { LedgerEventCode.AppealCodeIssued, LedgerEventCode.AppealSubmitted, LedgerEventCode.AppealAssigned, LedgerEventCode.AppealDecided, LedgerEventCode.AppealRead, LedgerEventCode.ModerationDecisionLifted })
            {
                Assert.Contains(events, e => e.Code == (int)c);
            }

            Assert.All(events, e => Assert.DoesNotContain("news report", e.Data, StringComparison.Ordinal));
            Assert.All(events, e => Assert.DoesNotContain("appellant@example.org", e.Data, StringComparison.Ordinal));
            Assert.All(events, e => Assert.DoesNotContain(code.Split(' ')[0] + " " + code.Split(' ')[1], e.Data, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task The_platform_appeals_by_puid_and_errors_are_problems()
    {
        var puid = "appeal-" + Guid.NewGuid().ToString("N");
        await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp, puid));
        var platform = await app.ClientFor(Roles.Platform);

        var created = await platform.PostAsync("/api/v1/moderation/appeals", Json(puid, "The account was suspended by mistake."));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("open", JsonDocument.Parse(body).RootElement.GetProperty("state").GetString());

        var again = await platform.PostAsync("/api/v1/moderation/appeals", Json(puid, "The account was suspended by mistake."));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        var unknown = await platform.PostAsync("/api/v1/moderation/appeals", Json("no-such-" + puid, "The account was suspended by mistake."));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var other = "appeal-" + Guid.NewGuid().ToString("N");
        await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp, other));
        var tooShort = await platform.PostAsync("/api/v1/moderation/appeals", Json(other, "no"));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("statement", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_window_is_the_policy_days_after_the_decision_and_the_reviewer_is_someone_else()
    {
        var ladder = app.Services.GetRequiredService<Application.Policy.PolicyProvider>().Current.Moderation!;
        var applied = new DateOnly(2026, 3, 2);
        Assert.True(AppealRules.IsOpen(applied, applied.AddDays(ladder.AppealDays), ladder));
        Assert.False(AppealRules.IsOpen(applied, applied.AddDays(ladder.AppealDays + 1), ladder));
        var parties = new DecisionParties("token-1", "person-1");
        Assert.NotNull(AppealRules.WhyNotReviewer(Core.Cases.Actor.Person("person-1", "a@x"), parties));
        Assert.NotNull(AppealRules.WhyNotReviewer(Core.Cases.Actor.Machine("token-2", "sync"), parties));
        Assert.Null(AppealRules.WhyNotReviewer(Core.Cases.Actor.Person("person-2", "b@x"), parties));
    }
}

public sealed class SqliteAppealsTests(SqliteDeskApp app) : AppealsTests<SqliteDeskApp>(app);

public sealed class PostgresAppealsTests(PostgresDeskApp app) : AppealsTests<PostgresDeskApp>(app);
