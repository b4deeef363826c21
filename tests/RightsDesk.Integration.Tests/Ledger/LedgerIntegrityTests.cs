using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Ledger;

/// <summary>
/// The ledger's own defences, on SQLite and on PostgreSQL: the database refuses to update or delete ledger rows, and
/// once an intruder has dropped that defence and changed one stored byte, the instance refuses to sign and says so
/// on /health (to anyone, without the event's contents) and on the desk.
/// </summary>
public abstract class LedgerIntegrityTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task The_database_refuses_updates_and_deletes_of_ledger_events_and_tree_heads()
    {
        await CreateActivity(app);
        var head = await IssueTreeHead(app);
        var headId = head.GetProperty("id").GetInt64();
        string[] statements =
        [
            "UPDATE ledger_events SET \"Actor\" = 'intruder' WHERE \"Seq\" = 0",
            "DELETE FROM ledger_events WHERE \"Seq\" = 0",
            "DELETE FROM ledger_events",
            $"UPDATE tree_heads SET \"TreeSize\" = 1 WHERE \"Id\" = {headId}",
            $"DELETE FROM tree_heads WHERE \"Id\" = {headId}",
        ];

        foreach (var sql in statements)
        {
            await app.InScope(async sp =>
            {
                var db = sp.GetRequiredService<RightsDeskDbContext>();
                var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(sql));
                Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
            });
        }

        // Nothing changed: the ledger still verifies, every event and the head included.
        var run = await Verify(app);
        Assert.True(run.ExitCode == 0 && run.Output.EndsWith("valid", StringComparison.Ordinal), run.ToString());
        Assert.Contains("tree heads checked: 1", run.Output, StringComparison.Ordinal);

        // Appending still works: that is how the ledger grows.
        await CreateActivity(app);
        await IssueTreeHead(app);
    }

    [Fact]
    public async Task One_changed_byte_makes_signing_refuse_and_health_name_the_first_bad_event()
    {
        await CreateActivity(app);
        await IssueTreeHead(app);
        await CreateActivity(app);
        Assert.Equal("consistent", (await Health(app.CreateClient())).GetProperty("ledger").GetString());

        LedgerEventRecord? row = null;
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            row = await db.LedgerEvents.AsNoTracking().Where(e => e.Code == (int)LedgerEventCode.DemandCreated).OrderBy(e => e.Seq).FirstAsync();
            await DropAppendOnlyTriggers(db);
            var salt = row.Salt.ToArray();
            salt[0] ^= 0x01;
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE ledger_events SET \"Salt\" = {salt} WHERE \"Seq\" = {row.Seq}"));
        });

        // The instance restarts on the altered database: its start-up check re-derives every event.
        await using var restarted = app.WithWebHostBuilder(_ => { });
        var anonymous = restarted.CreateClient();
        var health = await Health(anonymous);
        Assert.Equal("inconsistent", health.GetProperty("ledger").GetString());
        var bad = health.GetProperty("firstBadEvent");
        Assert.Equal(row!.Seq, bad.GetProperty("seq").GetInt64());
        Assert.Contains("leaf hash", bad.GetProperty("what").GetString(), StringComparison.Ordinal);
        var text = health.GetRawText();
        Assert.DoesNotContain(row.Actor, text, StringComparison.Ordinal);
        Assert.DoesNotContain(row.SubjectId!, text, StringComparison.Ordinal);

        var auditor = restarted.CreateClient();
        auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(Roles.Auditor));
        var refused = await auditor.PostAsync("/api/v1/ledger/tree-heads", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"event {row.Seq}", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var proof = await anonymous.GetAsync("/api/v1/ledger/proofs/inclusion?index=0");
        Assert.Equal(HttpStatusCode.Conflict, proof.StatusCode);

        // Nothing was signed over the altered ledger.
        await app.InScope(async sp => Assert.Equal(1, await sp.GetRequiredService<RightsDeskDbContext>().TreeHeads.CountAsync()));
    }

    [Fact]
    public async Task A_tree_head_whose_root_was_changed_stops_the_next_signing_and_the_desk_says_so()
    {
        await CreateActivity(app);
        var head = await IssueTreeHead(app);
        await CreateActivity(app);
        using var desk = new PageSession(app);
        await desk.SignInAsync(await PageSession.CreatePersonAsync(app, "reviewer@integrity.example", Roles.LegalReviewer));
        Assert.DoesNotContain("ledger-alert", await desk.GetAsync("/desk"), StringComparison.Ordinal);
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            await DropAppendOnlyTriggers(db);
            var root = Convert.FromHexString(head.GetProperty("rootHash").GetString()!);
            root[0] ^= 0x01;
            var id = head.GetProperty("id").GetInt64();
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE tree_heads SET \"RootHash\" = {root} WHERE \"Id\" = {id}"));
        });

        var auditor = await app.ClientFor(Roles.Auditor);
        var refused = await auditor.PostAsync("/api/v1/ledger/tree-heads", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var health = await Health(app.CreateClient());
        Assert.Equal("inconsistent", health.GetProperty("ledger").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("firstBadEvent").GetProperty("seq").ValueKind);
        Assert.Contains($"tree head {head.GetProperty("id").GetInt64()}", health.GetProperty("firstBadEvent").GetProperty("what").GetString(), StringComparison.Ordinal);

        // Every desk page carries the alert, for every member of staff, until the ledger is repaired.
        var page = await desk.GetAsync("/desk");
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains("The ledger is inconsistent: no tree head is signed until it is repaired.", page, StringComparison.Ordinal);
    }

    /// <summary>The careful forger: history rewritten with every later row rehashed, so each row re-derives, and a
    /// head of their own over it under another key. The signer measures against its own last head and refuses.</summary>
    [Fact]
    public async Task A_rehashed_history_with_a_forged_head_under_another_key_is_not_signed()
    {
        await CreateActivity(app);
        await IssueTreeHead(app);
        await CreateActivity(app);
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            await DropAppendOnlyTriggers(db);
            var all = await db.LedgerEvents.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
            var first = all.First(e => e.Code == (int)LedgerEventCode.DemandCreated).Seq;
            await db.LedgerEvents.Where(e => e.Seq >= first).ExecuteDeleteAsync();
            var rewritten = all.Where(e => e.Seq >= first)
                .Select(e => LedgerWriter.Build(e.Seq, (LedgerEventCode)e.Code, e.At, e.Seq == first ? "someone-else" : e.Actor, e.SubjectId, Fields(e.Data)))
                .ToList();
            db.LedgerEvents.AddRange(rewritten);
            var tree = new MerkleTree();
            foreach (var leaf in all.Where(e => e.Seq < first).Select(e => e.LeafHash).Concat(rewritten.Select(e => e.LeafHash)))
            {
                tree.AppendLeafHashes(leaf);
            }

            db.TreeHeads.Add(new TreeHeadRecord
            {
                TreeSize = tree.Size, RootHash = tree.RootHash(), Timestamp = app.Clock.GetUtcNow(), Signature = new byte[70],
                KeyId = new string('f', 64), IssuedBy = "intruder",
            });
            await db.SaveChangesAsync();
        });

        var auditor = await app.ClientFor(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Conflict, (await auditor.PostAsync("/api/v1/ledger/tree-heads", null)).StatusCode);
        var health = await Health(app.CreateClient());
        Assert.Equal("inconsistent", health.GetProperty("ledger").GetString());
        Assert.Contains("another root", health.GetProperty("firstBadEvent").GetProperty("what").GetString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Fields(string data)
    {
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString());
    }

    /// <summary>/health once the start-up check has finished (it runs in the background).</summary>
    internal static async Task<JsonElement> Health(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Json(response);
            if (body.GetProperty("ledger").GetString() != "checking" || attempt == 200)
            {
                return body;
            }

            await Task.Delay(50);
        }
    }
}

public sealed class SqliteLedgerIntegrityTests : LedgerIntegrityTests<SqliteDeskApp>;

public sealed class PostgresLedgerIntegrityTests : LedgerIntegrityTests<PostgresDeskApp>;
