using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Moderation;

/// <summary>The account decision history on the desk: found by posting the account, so the account never appears in
/// an address; every decision about it with what became of it, in time order; the read is ledgered.</summary>
public abstract class AccountHistoryPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task Staff_find_an_account_by_a_posted_form_and_see_its_decisions_in_time_order()
    {
        var account = "@history-" + Guid.NewGuid().ToString("N")[..10] + "@example.social";
        var (first, second) = ("hist-a-" + Guid.NewGuid().ToString("N")[..8], "hist-b-" + Guid.NewGuid().ToString("N")[..8]);
        var firstId = await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp, first, account));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var secondId = await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp, second, account.ToUpperInvariant()));
        var elsewhere = await app.InScope(sp => ModerationSupport.HeldDecisionAsync(sp));

        var person = await PageSession.CreatePersonAsync(app, $"ts-{Guid.NewGuid():N}"[..12] + "@desk.example", Roles.TrustAndSafety);
        using var s = new PageSession(app);
        await s.SignInAsync(person);
        var found = await s.PostFormAsync("/desk/moderation/accounts", [new("account", account)]);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        var location = found.Headers.Location!.OriginalString;
        Assert.DoesNotContain("history-", location, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^/desk/moderation/accounts/[0-9a-f]{64}$", location);

        var page = await s.GetAsync(location);
        var (a, b) = (page.IndexOf($"/desk/moderation/{firstId}", StringComparison.Ordinal), page.IndexOf($"/desk/moderation/{secondId}", StringComparison.Ordinal));
        Assert.True(a > 0 && b > a, "both decisions, the older first");
        Assert.DoesNotContain(elsewhere, page, StringComparison.Ordinal);
        Assert.Contains("suspend", page, StringComparison.Ordinal);

        var empty = await s.PostFormAsync("/desk/moderation/accounts", [new("account", "  ")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync("/desk/moderation/accounts/not-an-index")).StatusCode);

        await app.InScope(async sp =>
        {
            var reads = await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.AsNoTracking()
                .Where(e => e.Code == (int)LedgerEventCode.ModerationAccountHistoryRead).Select(e => e.Data).ToListAsync();
            Assert.Contains(reads, r => r.Contains(location[^64..], StringComparison.Ordinal) && r.Contains("\"decisions\":\"2\"", StringComparison.Ordinal));
            Assert.All(reads, r => Assert.DoesNotContain("history-", r, StringComparison.OrdinalIgnoreCase));
        });
    }
}

public sealed class SqliteAccountHistoryPageTests(SqliteDeskApp app) : AccountHistoryPageTests<SqliteDeskApp>(app);

public sealed class PostgresAccountHistoryPageTests(PostgresDeskApp app) : AccountHistoryPageTests<PostgresDeskApp>(app);
