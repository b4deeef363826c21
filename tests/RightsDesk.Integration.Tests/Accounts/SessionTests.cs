using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Integration.Tests.Accounts;

/// <summary>Staff sign-in with password and TOTP, and the life of the session that follows.</summary>
public abstract class SessionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    private static string NewEmail() => $"p{Guid.NewGuid():N}"[..12] + "@desk.example";

    [Fact]
    public async Task Enrolment_link_sets_a_strong_password_and_an_authenticator_then_stops_working()
    {
        EnrolmentLink link;
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            link = await accounts.CreateStaffAsync(NewEmail(), Roles.LegalReviewer, null, "test", default);
            secret = await accounts.AuthenticatorSecretAsync(link.User);
        }

        using var s = new PageSession(app);
        var path = "/account/enrol?token=" + link.Secret;
        var page = await s.GetAsync(path);
        Assert.Contains(string.Join(' ', secret.Chunk(4).Select(c => new string(c))).ToLowerInvariant(), page);
        var person = new Person(link.User.Email!, "", secret, app.Clock);

        var leaked = await s.PostFormAsync(path, Fields("password1234", "password1234", person.Code()));
        Assert.Equal(HttpStatusCode.BadRequest, leaked.StatusCode);
        Assert.Contains("leaked", await leaked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var shortOne = await s.PostFormAsync(path, Fields("Tr0ub4dor&3", "Tr0ub4dor&3", person.Code()));
        Assert.Contains("at least 12 characters", await shortOne.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrongCode = await s.PostFormAsync(path, Fields("violet lantern orbit cactus", "violet lantern orbit cactus", "000000"));
        Assert.Contains("code from the authenticator app is not right", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await s.PostFormAsync(path, Fields("violet lantern orbit cactus", "violet lantern orbit cactus", person.Code()));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Your account is ready", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await s.GetAsync(path, HttpStatusCode.NotFound);
        var signIn = await s.SignInAsync(person with { Password = "violet lantern orbit cactus" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Sign_in_needs_password_and_current_code_and_sets_a_locked_down_cookie()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.LegalReviewer);
        using var s = new PageSession(app);
        await s.GetAsync("/desk", HttpStatusCode.Redirect);
        Assert.StartsWith("https://localhost/account/signin", s.Last!.Headers.Location!.ToString(), StringComparison.Ordinal);

        var wrong = await s.SignInAsync(person, code: "123456");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The email, password or code is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badPassword = await s.SignInAsync(person with { Password = "not the password at all" });
        Assert.Equal(HttpStatusCode.BadRequest, badPassword.StatusCode);
        var unknown = await s.SignInAsync(person with { Email = "nobody@desk.example" });
        Assert.Contains("The email, password or code is not right.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ok = await s.SignInAsync(person);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/desk", ok.Headers.Location!.ToString());
        var cookie = ok.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountSetup.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);

        var desk = await s.GetAsync("/desk");
        Assert.Contains("Queues", desk, StringComparison.Ordinal);
        Assert.Equal("no-store", s.Last!.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Sign_in_form_without_its_antiforgery_token_is_refused()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Intake);
        using var s = new PageSession(app);
        var response = await s.Client.PostAsync("/account/signin", new FormUrlEncodedContent([new("Email", person.Email), new("Password", person.Password), new("Code", person.Code())]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(AccountSetup.CookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Approver);
        using var s = new PageSession(app);
        for (var i = 0; i < 5; i++)
        {
            await s.SignInAsync(person, code: "000000");
        }

        var locked = await s.SignInAsync(person);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session_at_the_next_request()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.LegalReviewer);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        await s.GetAsync("/desk");

        await app.InScope(async sp =>
        {
            var id = (await sp.GetRequiredService<RightsDeskDbContext>().Users.SingleAsync(u => u.Email == person.Email)).Id;
            await sp.GetRequiredService<AccountService>().SetDisabledAsync(id, true, "test-admin", default);
        });
        await s.GetAsync("/desk", HttpStatusCode.Redirect);
        Assert.Contains("/account/signin", s.Last!.Headers.Location!.ToString(), StringComparison.Ordinal);
        var again = await s.SignInAsync(person);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Changing_the_role_ends_the_session_and_the_next_one_has_the_new_role()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.LegalReviewer);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        Assert.Contains("New demand", await s.GetAsync("/desk"), StringComparison.Ordinal);

        await app.InScope(async sp =>
        {
            var id = (await sp.GetRequiredService<RightsDeskDbContext>().Users.SingleAsync(u => u.Email == person.Email)).Id;
            await sp.GetRequiredService<AccountService>().ChangeRoleAsync(id, Roles.Auditor, "test-admin", default);
        });
        await s.GetAsync("/desk", HttpStatusCode.Redirect);
        await s.SignInAsync(person);
        var page = await s.GetAsync("/desk");
        Assert.DoesNotContain("New demand", page, StringComparison.Ordinal);
        Assert.Contains("· Auditor<", page, StringComparison.Ordinal); // the header names the role in words
    }

    [Fact]
    public async Task Idle_sessions_end_after_thirty_minutes()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Intake);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await s.GetAsync("/desk");
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await s.GetAsync("/desk", HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Even_a_busy_session_ends_ten_hours_after_sign_in()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Intake);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        // Active every 20 minutes, so the idle limit never strikes: 9 h 40 min in, still signed in.
        for (var step = 0; step < 29; step++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            await s.GetAsync("/desk");
        }

        app.Clock.Advance(TimeSpan.FromMinutes(25));
        await s.GetAsync("/desk", HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_session_cookie_does_not_open_the_api_and_a_token_does_not_open_the_pages()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.LegalReviewer);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        var api = await s.Client.GetAsync("/api/v1/demands");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        using var tokenClient = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        tokenClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(Roles.LegalReviewer));
        var page = await tokenClient.GetAsync("/desk");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_authenticator_secret_is_stored_sealed()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Intake);
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == person.Email);
            var stored = await db.UserTokens.Where(t => t.UserId == user.Id).Select(t => t.Value).SingleAsync();
            Assert.StartsWith("sealed:", stored, StringComparison.Ordinal);
            Assert.DoesNotContain(person.TotpSecret, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Password, user.PasswordHash!, StringComparison.Ordinal);
        });
    }

    private static KeyValuePair<string, string>[] Fields(string password, string confirm, string code) =>
        [new("Password", password), new("Confirm", confirm), new("Code", code)];
}

public sealed class SqliteSessionTests(SqliteDeskApp app) : SessionTests<SqliteDeskApp>(app);

public sealed class PostgresSessionTests(PostgresDeskApp app) : SessionTests<PostgresDeskApp>(app);
