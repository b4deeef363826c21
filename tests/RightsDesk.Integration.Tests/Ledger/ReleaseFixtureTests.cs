using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Ledger;

/// <summary>
/// A database made by the release of November 2026 (Fixtures/release-2026-11, see its README), opened by today's
/// code: the migrations upgrade it, the ledger still verifies and extends its signed head, the append-only triggers
/// are in place, and a demo demand still decrypts through the API.
/// </summary>
public abstract class ReleaseFixtureTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private const int FixtureEvents = 242;
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task The_release_database_upgrades_verifies_and_still_decrypts()
    {
        // Upgraded to this build's last migration.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_AccountsPortalTreeHeads", StringComparison.Ordinal));
            Assert.Equal(1, await db.TreeHeads.CountAsync());
        });

        var run = await Verify(app);
        Assert.True(run.ExitCode == 0 && run.Output.EndsWith("\nvalid", StringComparison.Ordinal), run.ToString());
        Assert.Contains("tree heads checked: 1", run.Output, StringComparison.Ordinal);
        Assert.Equal("consistent", (await LedgerIntegrityTests<TApp>.Health(app.CreateClient())).GetProperty("ledger").GetString());

        // The old head is extended, not replaced: a new one signs over the old events and the new ones.
        var head = await IssueTreeHead(app);
        Assert.True(head.GetProperty("treeSize").GetInt64() >= FixtureEvents);
        var proof = await app.CreateClient().GetAsync($"/api/v1/ledger/proofs/consistency?size1={FixtureEvents}");
        Assert.Equal(HttpStatusCode.OK, proof.StatusCode);
        Assert.Equal(0, (await RunCli(Arguments((await Json(proof)).GetProperty("command").GetString()!))).ExitCode);

        // A demo demand, read through the API: its sealed contents open under the release's keys.
        Guid id = default;
        var authority = "";
        await app.InScope(async sp =>
        {
            var demand = await sp.GetRequiredService<RightsDeskDbContext>().Demands.AsNoTracking().Where(d => !d.Restricted).OrderBy(d => d.CreatedAt).FirstAsync();
            (id, authority) = (demand.Id, demand.AuthorityName);
        });
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var response = await reviewer.GetAsync($"/api/v1/demands/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sealedAuthority = (await Json(response)).GetProperty("demand").GetProperty("authority");
        Assert.Equal(authority, sealedAuthority.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(sealedAuthority.GetProperty("officer").GetString()));

        // And the upgrade made its ledger append-only.
        await app.InScope(async sp => await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            sp.GetRequiredService<RightsDeskDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM ledger_events")));
    }

    internal static string FixtureFile(string engine, string name) =>
        Path.Combine(TestRepo.Root, "tests", "RightsDesk.Integration.Tests", "Fixtures", "release-2026-11", engine, name);
}

/// <summary>A copy of the release's SQLite file and its keys, in the test's own directory.</summary>
public sealed class SqliteReleaseApp() : DeskApp(DatabaseEngine.Sqlite)
{
    protected override Task PrepareDatabaseAsync()
    {
        File.Copy(ReleaseFixtureTests<SqliteReleaseApp>.FixtureFile("sqlite", "rightsdesk.db"), SqlitePath);
        File.Copy(ReleaseFixtureTests<SqliteReleaseApp>.FixtureFile("sqlite", "keys.json"), KeyFile);
        return Task.CompletedTask;
    }
}

/// <summary>The release's PostgreSQL dump restored into the test's fresh database, with its keys.</summary>
public sealed class PostgresReleaseApp() : DeskApp(DatabaseEngine.Postgres)
{
    protected override async Task PrepareDatabaseAsync()
    {
        File.Copy(ReleaseFixtureTests<PostgresReleaseApp>.FixtureFile("postgres", "keys.json"), KeyFile);
        // psql meta-commands (\restrict, written by pg_dump 15.14+) are for psql; the rest is plain SQL.
        var sql = new StringBuilder();
        foreach (var line in await File.ReadAllLinesAsync(ReleaseFixtureTests<PostgresReleaseApp>.FixtureFile("postgres", "rightsdesk.sql")))
        {
            if (!line.StartsWith('\\'))
            {
                sql.AppendLine(line);
            }
        }

        // Its own connection: the dump empties search_path for the session it runs in.
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql.ToString(), conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteReleaseFixtureTests : ReleaseFixtureTests<SqliteReleaseApp>;

public sealed class PostgresReleaseFixtureTests : ReleaseFixtureTests<PostgresReleaseApp>;
