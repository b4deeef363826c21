using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Accounts;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Accounts;

namespace RightsDesk.Integration.Tests.Accounts;

/// <summary>
/// Sign-in costs the same whether the account exists or not: one password hash at the real iteration count every time,
/// and the same answer. Counted through the hasher rather than timed, so the test is exact and not flaky.
/// </summary>
public abstract class SignInWorkTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : CountingHasherApp
{
    private static string NewEmail() => $"w{Guid.NewGuid():N}"[..12] + "@desk.example";

    [Fact]
    public async Task An_unknown_account_costs_one_full_hash_and_gets_the_same_answer_as_a_wrong_password()
    {
        var person = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.LegalReviewer);
        using var s = new PageSession(app);

        var (wrongPassword, knownCost) = await Counted(() => s.SignInAsync(person with { Password = "not the password at all" }));
        var (unknown, unknownCost) = await Counted(() => s.SignInAsync(person with { Email = NewEmail() }));
        var (malformed, malformedCost) = await Counted(() => s.SignInAsync(person with { Email = "" }));

        Assert.Equal([210_000], knownCost);
        Assert.Equal(knownCost, unknownCost);
        Assert.Equal(knownCost, malformedCost);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(Message(await wrongPassword.Content.ReadAsStringAsync()), Message(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(Message(await wrongPassword.Content.ReadAsStringAsync()), Message(await malformed.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Disabled_and_locked_accounts_cost_the_same_and_say_the_same()
    {
        var disabled = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Intake);
        var locked = await PageSession.CreatePersonAsync(app, NewEmail(), Roles.Intake);
        await app.InScope(async sp =>
        {
            var id = (await sp.GetRequiredService<RightsDeskDbContext>().Users.SingleAsync(u => u.Email == disabled.Email)).Id;
            await sp.GetRequiredService<AccountService>().SetDisabledAsync(id, true, "test-admin", default);
        });
        using var s = new PageSession(app);
        for (var i = 0; i < 5; i++)
        {
            await s.SignInAsync(locked, code: "000000");
        }

        var (unknown, unknownCost) = await Counted(() => s.SignInAsync(locked with { Email = NewEmail() }));
        var (off, disabledCost) = await Counted(() => s.SignInAsync(disabled));
        var (shut, lockedCost) = await Counted(() => s.SignInAsync(locked));

        Assert.Equal([210_000], unknownCost);
        Assert.Equal(unknownCost, disabledCost);
        Assert.Equal(unknownCost, lockedCost);
        var expected = Message(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(expected, Message(await off.Content.ReadAsStringAsync()));
        Assert.Equal(expected, Message(await shut.Content.ReadAsStringAsync()));
    }

    private async Task<(HttpResponseMessage Response, int[] Iterations)> Counted(Func<Task<HttpResponseMessage>> signIn)
    {
        app.Hashes.Verified.Clear();
        var response = await signIn();
        return (response, [.. app.Hashes.Verified]);
    }

    private static string Message(string page)
    {
        var start = page.IndexOf("The email, password or code", StringComparison.Ordinal);
        Assert.True(start >= 0, "The sign-in page shows no refusal.");
        return page[start..page.IndexOf('<', start)];
    }
}

/// <summary>Every password verification the host makes, by the iteration count of the hash it checked against.</summary>
public sealed class HashLog
{
    public ConcurrentQueue<int> Verified { get; } = new();
}

/// <summary>Identity's hasher with the host's options, recording each verification.</summary>
public sealed class CountingHasher(HashLog log, IOptions<PasswordHasherOptions> options) : IPasswordHasher<DeskUser>
{
    private readonly PasswordHasher<DeskUser> inner = new(options);

    public string HashPassword(DeskUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(DeskUser user, string hashedPassword, string providedPassword)
    {
        // Identity's v3 format: a marker byte, the PRF (4 bytes), then the iteration count (4 bytes, big-endian).
        log.Verified.Enqueue(BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(hashedPassword).AsSpan(5, 4)));
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public abstract class CountingHasherApp(DatabaseEngine engine) : DeskApp(engine)
{
    public HashLog Hashes { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton(Hashes);
            s.AddScoped<IPasswordHasher<DeskUser>, CountingHasher>();
        });
    }
}

public sealed class SqliteCountingHasherApp() : CountingHasherApp(DatabaseEngine.Sqlite);

public sealed class PostgresCountingHasherApp() : CountingHasherApp(DatabaseEngine.Postgres);

public sealed class SqliteSignInWorkTests(SqliteCountingHasherApp app) : SignInWorkTests<SqliteCountingHasherApp>(app);

public sealed class PostgresSignInWorkTests(PostgresCountingHasherApp app) : SignInWorkTests<PostgresCountingHasherApp>(app);
