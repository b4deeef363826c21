using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Integration.Tests.Accounts;

/// <summary>Sessions live on the server: signing out ends every copy of the cookie, on every node of the database.</summary>
public abstract class ServerSessionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string NewEmail() => $"v{Guid.NewGuid():N}"[..12] + "@desk.example";

    [Fact]
    public async Task A_copied_cookie_stops_working_when_its_owner_signs_out()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.LegalReviewer);
        using var s = new PageSession(app);
        var cookie = PageSession.SessionCookie(await s.SignInAsync(person));
        using var thief = CopiedCookieClient(app, cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/desk")).StatusCode);

        var signedOut = await s.PostFormAsync("/desk", [], "/account/signout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await thief.GetAsync("/desk");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/signin", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await SessionsOf(person));
    }

    [Fact]
    public async Task A_second_node_on_the_same_database_accepts_the_session_and_sees_it_end()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.LegalReviewer);
        using var s = new PageSession(app);
        var cookie = PageSession.SessionCookie(await s.SignInAsync(person));
        await using var node2 = app.WithWebHostBuilder(_ => { });
        using var other = CopiedCookieClient(node2, cookie);
        Assert.Contains("Queues", await (await other.GetAsync("/desk")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The row is the session: the cookie holds only its key, and the ticket is sealed (no e-mail in clear).
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var id = (await db.Users.SingleAsync(u => u.Email == person.Email)).Id;
            var row = await db.Sessions.SingleAsync(x => x.UserId == id);
            Assert.DoesNotContain(person.Email, Encoding.UTF8.GetString(row.SealedTicket), StringComparison.Ordinal);
            Assert.DoesNotContain(person.Email, Encoding.Unicode.GetString(row.SealedTicket), StringComparison.Ordinal);
        });

        await s.PostFormAsync("/desk", [], "/account/signout");
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/desk")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_deletes_its_stored_sessions()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Intake);
        using var one = new PageSession(app);
        using var two = new PageSession(app);
        await one.SignInAsync(person);
        await two.SignInAsync(person);
        Assert.Equal(2, await SessionsOf(person));

        await app.InScope(async sp =>
        {
            var id = (await sp.GetRequiredService<RightsDeskDbContext>().Users.SingleAsync(u => u.Email == person.Email)).Id;
            await sp.GetRequiredService<AccountService>().SetDisabledAsync(id, true, "test-admin", default);
        });
        Assert.Equal(0, await SessionsOf(person));
        await one.GetAsync("/desk", HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Expired_sessions_are_removed_when_the_next_session_starts()
    {
        var idle = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Intake);
        using (var s = new PageSession(app))
        {
            await s.SignInAsync(idle);
        }

        Assert.Equal(1, await SessionsOf(idle));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var next = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Intake);
        using var n = new PageSession(app);
        await n.SignInAsync(next);
        Assert.Equal(0, await SessionsOf(idle));
        Assert.Equal(1, await SessionsOf(next));
    }

    private static HttpClient CopiedCookieClient(WebApplicationFactory<Program> host, string cookie)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<int> SessionsOf(Person person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsDeskDbContext>();
        var id = (await db.Users.SingleAsync(u => u.Email == person.Email)).Id;
        return await db.Sessions.CountAsync(x => x.UserId == id);
    }
}

public sealed class SqliteServerSessionTests(SqliteDeskApp app) : ServerSessionTests<SqliteDeskApp>(app);

public sealed class PostgresServerSessionTests(PostgresDeskApp app) : ServerSessionTests<PostgresDeskApp>(app);
