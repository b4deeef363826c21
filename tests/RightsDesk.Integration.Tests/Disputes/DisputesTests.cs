using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Appeals;
using RightsDesk.Core.Appeals;
using RightsDesk.Core.Cases;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;
using RightsDesk.Data.Outbox;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Disputes;

/// <summary>
/// Out-of-court dispute referrals (DSA Art. 21) through the real host on each engine: the platform refers a decision
/// once its appeal is decided (not while it is under review), a body's reversal lifts the restriction as a reversed
/// appeal does, and the desk records a referral that went straight to a body and its partial reversal, which leaves
/// the measure in force and tells the platform by webhook. The body's name and reasons never reach the ledger.
/// </summary>
public abstract class DisputesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private const string Reasons = "The body found the post was satire about a public official and restored it.";

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private string Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_platform_refers_after_the_appeal_and_a_reversal_by_the_body_lifts_the_restriction()
    {
        var puid = "dispute-" + Guid.NewGuid().ToString("N");
        var decision = Guid.Parse(await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp, puid)));
        var platform = await app.ClientFor(Roles.Platform);
        var referral = new { puid, side = "user", bodyName = "Appeals Centre Europe", bodyMemberState = "IE", referredOn = "2026-03-02" };

        Assert.Equal(HttpStatusCode.Created, (await platform.PostAsync("/api/v1/moderation/appeals", Json(new { puid, statement = "The post was satire, not a threat." }))).StatusCode);
        var pending = await platform.PostAsync("/api/v1/moderation/disputes", Json(referral));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pending.StatusCode);
        Assert.Contains("still under review", await pending.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.InScope(async sp =>
        {
            var appeal = await sp.GetRequiredService<RightsDeskDbContext>().Appeals.AsNoTracking().SingleAsync(a => a.DecisionId == decision);
            var reviewer = Actor.Person("dispute-reviewer-" + Guid.NewGuid().ToString("N"), "rev@desk.example");
            var review = sp.GetRequiredService<AppealReview>();
            await review.AssignAsync(appeal.Id, reviewer, reviewer, default);
            await review.DecideAsync(appeal.Id, AppealOutcome.Upheld, "The post named a person and threatened them.", reviewer, default);
        });

        var bad = await platform.PostAsync("/api/v1/moderation/disputes", Json(new { puid, side = "judge", bodyName = "", bodyMemberState = "GB", referredOn = "2026-13-01" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var badBody = await bad.Content.ReadAsStringAsync();
        Assert.Contains("side", badBody, StringComparison.Ordinal);
        Assert.Contains("referredOn", badBody, StringComparison.Ordinal);

        var created = await platform.PostAsync("/api/v1/moderation/disputes", Json(referral));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("referred", root.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, root.GetProperty("appeal").ValueKind);
        var id = root.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await platform.PostAsync("/api/v1/moderation/disputes", Json(referral))).StatusCode);

        var missing = await platform.PostAsync($"/api/v1/moderation/disputes/{Guid.NewGuid()}/outcome", Json(new { outcome = "reversed", decidedOn = Today, reasons = Reasons }));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var early = await platform.PostAsync($"/api/v1/moderation/disputes/{id}/outcome", Json(new { outcome = "reversed", decidedOn = "2026-03-01", reasons = Reasons }));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("decidedOn", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var outcome = await platform.PostAsync($"/api/v1/moderation/disputes/{id}/outcome", Json(new { outcome = "reversed", decidedOn = Today, reasons = Reasons }));
        var outcomeBody = await outcome.Content.ReadAsStringAsync();
        Assert.True(outcome.StatusCode == HttpStatusCode.OK, outcomeBody);
        var closed = JsonDocument.Parse(outcomeBody).RootElement;
        Assert.Equal(("closed", "reversed", true), (closed.GetProperty("state").GetString(), closed.GetProperty("outcome").GetString(), closed.GetProperty("restrictionLifted").GetBoolean()));
        var again = await platform.PostAsync($"/api/v1/moderation/disputes/{id}/outcome", Json(new { outcome = "upheld", decidedOn = Today, reasons = Reasons }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.Equal(ModerationState.Lifted, (await db.ModerationDecisions.AsNoTracking().SingleAsync(r => r.Id == decision)).State);
            var events = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == id.ToString() || e.SubjectId == decision.ToString()).Select(e => new { e.Code, e.Data }).ToListAsync();
            Assert.Contains(events, e => e.Code == (int)LedgerEventCode.DisputeReferred);
            Assert.Contains(events, e => e.Code == (int)LedgerEventCode.DisputeOutcomeRecorded);
            Assert.Contains(events, e => e.Code == (int)LedgerEventCode.ModerationDecisionLifted);
            Assert.All(events, e => Assert.DoesNotContain("Appeals Centre", e.Data, StringComparison.Ordinal));
            Assert.All(events, e => Assert.DoesNotContain("satire", e.Data, StringComparison.Ordinal));
            // The platform reported the outcome itself, so it is not told again.
            Assert.False(await db.Outbox.AsNoTracking().AnyAsync(m => m.CorrelationId == id.ToString()));
        });
    }

    [Fact]
    public async Task The_desk_records_a_referral_straight_to_a_body_and_its_partial_reversal()
    {
        var decision = await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp));
        var person = await PageSession.CreatePersonAsync(app, $"ts-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.TrustAndSafety);
        using var desk = new PageSession(app);
        await desk.SignInAsync(person);

        var page = await desk.GetAsync($"/desk/moderation/{decision}");
        Assert.Contains("id=\"no-disputes\"", page, StringComparison.Ordinal);
        Assert.Contains($"/desk/disputes/refer/{decision}", page, StringComparison.Ordinal);

        var refused = await desk.PostFormAsync($"/desk/disputes/refer/{decision}",
            [new("side", "user"), new("bodyName", "User Rights"), new("bodyMemberState", "US"), new("referredOn", "2026-03-02")], $"/desk/disputes/refer/{decision}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Member State whose Digital Services Coordinator certified the body", refusedPage, StringComparison.Ordinal);
        Assert.Contains("value=\"User Rights\"", refusedPage, StringComparison.Ordinal);

        var referred = await desk.PostFormAsync($"/desk/disputes/refer/{decision}",
            [new("side", "user"), new("bodyName", "User Rights"), new("bodyMemberState", "de"), new("referredOn", "2026-03-02")], $"/desk/disputes/refer/{decision}");
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        var disputePath = referred.Headers.Location!.OriginalString.Split('?')[0];
        var disputePage = await desk.GetAsync(disputePath);
        Assert.Contains("User Rights, certified in DE", disputePage, StringComparison.Ordinal);
        Assert.Contains("with the body", disputePage, StringComparison.Ordinal);

        var noReasons = await desk.PostFormAsync(disputePath, [new("outcome", "partiallyReversed"), new("decidedOn", Today), new("reasons", "")], disputePath + "?handler=outcome");
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.Contains("Give the body&#x27;s reasons", await noReasons.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var decided = await desk.PostFormAsync(disputePath, [new("outcome", "partiallyReversed"), new("decidedOn", Today), new("reasons", Reasons)], disputePath + "?handler=outcome");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var after = await desk.GetAsync($"/desk/moderation/{decision}");
        Assert.Contains("User Rights (DE)", after, StringComparison.Ordinal);
        Assert.Contains("partially reversed on " + Today, after, StringComparison.Ordinal);
        Assert.Contains(Reasons, await desk.GetAsync(disputePath), StringComparison.Ordinal);

        var disputeId = disputePath.Split('/')[^1];
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.Equal(ModerationState.Held, (await db.ModerationDecisions.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(decision))).State);
            Assert.Equal(OutboxChannel.Webhook, (await db.Outbox.AsNoTracking().SingleAsync(m => m.CorrelationId == disputeId)).Channel);
            Assert.True(await db.LedgerEvents.AsNoTracking().AnyAsync(e => e.Code == (int)LedgerEventCode.DisputeRead && e.SubjectId == decision));
        });
    }
}

public sealed class SqliteDisputesTests(SqliteDeskApp app) : DisputesTests<SqliteDeskApp>(app);

public sealed class PostgresDisputesTests(PostgresDeskApp app) : DisputesTests<PostgresDeskApp>(app);
