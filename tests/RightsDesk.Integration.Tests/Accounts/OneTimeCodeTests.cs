using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Integration.Tests.Accounts;

/// <summary>An authenticator code works once, within one step of the server's clock, for sign-in, step-up and enrolment alike.</summary>
public abstract class OneTimeCodeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string NewEmail() => $"t{Guid.NewGuid():N}"[..12] + "@desk.example";

    [Fact]
    public async Task The_code_used_to_sign_in_is_refused_for_step_up_and_a_newer_one_is_taken()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Approver);
        using var s = new PageSession(app);
        var code = person.Code();
        Assert.Equal(HttpStatusCode.Redirect, (await s.SignInAsync(person, code)).StatusCode);
        var id = await IdOf(person);
        var subject = Guid.NewGuid().ToString();

        Assert.False(await StepUpAsync(id, code, subject));
        Assert.True(await StepUpAsync(id, person.Code(), subject));
        await app.InScope(async sp =>
        {
            var events = await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.Where(e => e.SubjectId == subject).ToListAsync();
            var stepUp = Assert.Single(events);
            Assert.Equal((int)LedgerEventCode.StepUpVerified, stepUp.Code);
            Assert.Equal(person.Email, stepUp.Actor);
        });
    }

    [Fact]
    public async Task A_code_cannot_sign_in_twice()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.LegalReviewer);
        var code = person.Code();
        using (var first = new PageSession(app))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await first.SignInAsync(person, code)).StatusCode);
        }

        using var second = new PageSession(app);
        var replay = await second.SignInAsync(person, code);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("The email, password or code is not right.", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_newer_code_the_previous_steps_code_is_refused_though_still_inside_the_window()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Approver);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var now = app.Clock.GetUtcNow();
        var previous = person.CodeAt(now.AddSeconds(-30));
        using var s = new PageSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await s.SignInAsync(person, person.CodeAt(now))).StatusCode);
        Assert.False(await StepUpAsync(await IdOf(person), previous, Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task The_window_is_one_step_either_side()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Approver);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = app.Clock.GetUtcNow();
        var id = await IdOf(person);
        Assert.False(await StepUpAsync(id, person.CodeAt(now.AddSeconds(-60)), "s"));
        Assert.False(await StepUpAsync(id, person.CodeAt(now.AddSeconds(60)), "s"));
        Assert.True(await StepUpAsync(id, person.CodeAt(now.AddSeconds(30)), "s"));
    }

    [Fact]
    public async Task Two_requests_racing_with_one_code_do_not_both_win()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Approver);
        var code = person.Code();
        var id = await IdOf(person);
        // Both requests load the account before either has used the code, as two nodes would.
        await using var a = app.Services.CreateAsyncScope();
        await using var b = app.Services.CreateAsyncScope();
        var userA = await a.ServiceProvider.GetRequiredService<UserManager<DeskUser>>().FindByIdAsync(id);
        var userB = await b.ServiceProvider.GetRequiredService<UserManager<DeskUser>>().FindByIdAsync(id);
        var results = await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<TotpVerifier>().VerifyAsync(userA!, code, default)),
            Task.Run(() => b.ServiceProvider.GetRequiredService<TotpVerifier>().VerifyAsync(userB!, code, default)));
        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task A_save_of_an_account_loaded_before_a_code_was_used_cannot_reopen_that_code()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Approver);
        var id = await IdOf(person);
        await using var stale = app.Services.CreateAsyncScope();
        var users = stale.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        var old = await users.FindByIdAsync(id);
        var code = person.Code();
        Assert.True(await StepUpAsync(id, code, "s"));

        old!.DisplayName = "Renamed";
        Assert.False((await users.UpdateAsync(old)).Succeeded);
        Assert.False(await StepUpAsync(id, code, "s"));
    }

    private async Task<bool> StepUpAsync(string id, string code, string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StepUp>().VerifyAsync(id, code, "approve", subject, default);
    }

    private async Task<string> IdOf(Person person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>().Users.SingleAsync(u => u.Email == person.Email)).Id;
    }
}

public sealed class SqliteOneTimeCodeTests(SqliteDeskApp app) : OneTimeCodeTests<SqliteDeskApp>(app);

public sealed class PostgresOneTimeCodeTests(PostgresDeskApp app) : OneTimeCodeTests<PostgresDeskApp>(app);
