using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Moderation;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>The desk's review queue: a held measure is listed, confirmed by a person, lifted with a reason, and the
/// decision's page shows what the platform reported and the history, each step in the ledger.</summary>
public abstract class ModerationReviewPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task Trust_and_safety_confirm_a_held_measure_and_lift_another_with_a_reason()
    {
        var first = await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp));
        var second = await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp));
        var person = await PageSession.CreatePersonAsync(app, $"ts-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.TrustAndSafety);
        using var s = new PageSession(app);
        await s.SignInAsync(person);

        var queue = await s.GetAsync("/desk/moderation");
        Assert.Contains($"id=\"d-{first}\"", queue, StringComparison.Ordinal);
        Assert.Contains("automatedAccountMeasure", queue, StringComparison.Ordinal);

        var confirmed = await s.PostFormAsync("/desk/moderation", [new("decisionId", first)], "/desk/moderation?handler=confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var again = await s.PostFormAsync("/desk/moderation", [new("decisionId", first)], "/desk/moderation?handler=confirm");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("Only a held measure is confirmed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noReason = await s.PostFormAsync("/desk/moderation", [new("decisionId", second), new("reason", "")], "/desk/moderation?handler=lift");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var lifted = await s.PostFormAsync("/desk/moderation", [new("decisionId", second), new("reason", "The threats were quotes from a news report.")], "/desk/moderation?handler=lift");
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);

        var page = await s.GetAsync($"/desk/moderation/{second}");
        Assert.Contains("Threats in three posts.", page, StringComparison.Ordinal);
        Assert.Contains("The threats were quotes from a news report.", page, StringComparison.Ordinal);
        Assert.Contains("ModerationDecisionRecorded", page, StringComparison.Ordinal);
        Assert.Contains("ModerationDecisionLifted", page, StringComparison.Ordinal);

        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.Equal(ModerationState.Active, (await db.ModerationDecisions.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(first))).State);
            Assert.Equal(ModerationState.Lifted, (await db.ModerationDecisions.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(second))).State);
            var codes = await db.LedgerEvents.AsNoTracking().Where(e => e.SubjectId == first || e.SubjectId == second).Select(e => new { e.Code, e.Data }).ToListAsync();
            Assert.Contains(codes, c => c.Code == (int)LedgerEventCode.ModerationDecisionConfirmed);
            Assert.Contains(codes, c => c.Code == (int)LedgerEventCode.ModerationDecisionRead);
            Assert.All(codes, c => Assert.DoesNotContain("news report", c.Data, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Other_staff_do_not_see_the_queue()
    {
        var person = await PageSession.CreatePersonAsync(app, $"in-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.Intake);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        var response = await s.Client.GetAsync("/desk/moderation");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class SqliteModerationReviewPageTests(SqliteDeskApp app) : ModerationReviewPageTests<SqliteDeskApp>(app);

public sealed class PostgresModerationReviewPageTests(PostgresDeskApp app) : ModerationReviewPageTests<PostgresDeskApp>(app);
