using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Ledger;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Ledger;

/// <summary>
/// `rightsdesk ledger verify` over a ledger built through the API: valid as stored, and after one stored byte (or
/// row) is changed with raw SQL (the append-only triggers dropped first, as an intruder would), invalid with exactly that event or tree head named. Each case gets its own fresh
/// database, on SQLite and on PostgreSQL.
/// </summary>
public abstract class LedgerVerifyTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task A_ledger_built_through_the_api_is_valid_and_an_auditor_needs_only_the_published_key()
    {
        await CreateActivity(app);
        await IssueTreeHead(app);
        await CreateActivity(app);
        await IssueTreeHead(app);
        await CreateActivity(app);
        var size = await Count();

        var run = await Verify(app);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"events checked: {size}", run.Output.Split('\n')[0]);
        Assert.Contains("tree heads checked: 2", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("\nvalid", run.Output, StringComparison.Ordinal);

        // Small batches read the same ledger the same way.
        Assert.Equal(run.Output, (await Verify(app, "--batch-size", "3")).Output);

        // With the published key instead of the key file, which the auditor does not have.
        var pem = Path.Combine(app.Dir, "ledger-key.pem");
        var published = await Json(await app.CreateClient().GetAsync("/api/v1/ledger/public-key"));
        await File.WriteAllTextAsync(pem, published.GetProperty("publicKeyPem").GetString());
        var auditor = await RunCli(["ledger", "verify", .. Store(app)[..4], "--key-file", Path.Combine(app.Dir, "absent.json"), "--public-key", pem]);
        Assert.True(auditor.ExitCode == 0, auditor.ToString());

        // A key that did not sign them: the heads cannot be vouched for.
        using var other = TreeHeadSigner.CreateKey();
        var otherPem = Path.Combine(app.Dir, "other-key.pem");
        await File.WriteAllTextAsync(otherPem, other.ExportSubjectPublicKeyInfoPem());
        var wrongKey = await Verify(app, "--public-key", otherPem);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains($"names signing key \"{published.GetProperty("keyId").GetString()}\"", wrongKey.Output, StringComparison.Ordinal);

        var malformed = await Verify(app, "--public-key", Path.Combine(app.Dir, "keys.json"));
        Assert.Equal(2, malformed.ExitCode);
        Assert.StartsWith("error: keys.json:", malformed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_actor_column_names_the_event_and_the_difference()
    {
        var (row, _) = await Prepare();
        var forged = Forge(row.Actor);
        await Sql(db => db.Database.ExecuteSqlAsync($"UPDATE ledger_events SET \"Actor\" = {forged} WHERE \"Seq\" = {row.Seq}"));
        await ExpectInvalid(
            $"invalid: {LedgerAudit.Describe(row)}: its actor column is \"{forged}\" but its data says \"{row.Actor}\"");
    }

    [Fact]
    public async Task An_altered_byte_of_data_names_the_event_and_the_difference()
    {
        var (row, _) = await Prepare();
        var forged = Forge(row.Actor);
        var data = row.Data.Replace($"\"actor\":\"{row.Actor}\"", $"\"actor\":\"{forged}\"", StringComparison.Ordinal);
        Assert.Equal(row.Data.Length, data.Length);
        await Sql(db => db.Database.ExecuteSqlAsync($"UPDATE ledger_events SET \"Data\" = {data} WHERE \"Seq\" = {row.Seq}"));
        await ExpectInvalid($"invalid: {LedgerAudit.Describe(row)}: its actor column is \"{row.Actor}\" but its data says \"{forged}\"");
    }

    [Fact]
    public async Task An_altered_byte_of_a_leaf_hash_names_the_event()
    {
        var (row, _) = await Prepare();
        var leaf = Flip(row.LeafHash, 7);
        await Sql(db => db.Database.ExecuteSqlAsync($"UPDATE ledger_events SET \"LeafHash\" = {leaf} WHERE \"Seq\" = {row.Seq}"));
        await ExpectInvalid(
            $"invalid: {LedgerAudit.Describe(row)}: its stored leaf hash {HashText.ToHex(leaf)} is not SHA-256(0x00 || salt || data) = {HashText.ToHex(row.LeafHash)}");
    }

    [Fact]
    public async Task An_altered_byte_of_a_salt_names_the_event()
    {
        var (row, _) = await Prepare();
        var salt = Flip(row.Salt, 0);
        await Sql(db => db.Database.ExecuteSqlAsync($"UPDATE ledger_events SET \"Salt\" = {salt} WHERE \"Seq\" = {row.Seq}"));
        await ExpectInvalid($"invalid: {LedgerAudit.Describe(row)}: its stored leaf hash {HashText.ToHex(row.LeafHash)} is not SHA-256");
    }

    [Fact]
    public async Task An_altered_byte_of_a_tree_head_signature_names_the_tree_head()
    {
        var (_, head) = await Prepare();
        var signature = Flip(head.Signature, head.Signature.Length - 1);
        await Sql(db => db.Database.ExecuteSqlAsync($"UPDATE tree_heads SET \"Signature\" = {signature} WHERE \"Id\" = {head.Id}"));
        await ExpectInvalid($"invalid: {LedgerAudit.Describe(head)}: its signature does not verify under key {head.KeyId}");
    }

    [Fact]
    public async Task An_altered_byte_of_a_tree_head_root_names_the_tree_head()
    {
        var (_, head) = await Prepare();
        var root = Flip(head.RootHash, 0);
        await Sql(db => db.Database.ExecuteSqlAsync($"UPDATE tree_heads SET \"RootHash\" = {root} WHERE \"Id\" = {head.Id}"));
        await ExpectInvalid(
            $"invalid: {LedgerAudit.Describe(head)}: its stored root {HashText.ToHex(root)} is not the root it was signed with, {HashText.ToHex(head.RootHash)}");
    }

    [Fact]
    public async Task A_deleted_event_is_named()
    {
        var (row, _) = await Prepare();
        await Sql(db => db.Database.ExecuteSqlAsync($"DELETE FROM ledger_events WHERE \"Seq\" = {row.Seq}"));
        await ExpectInvalid($"invalid: event {row.Seq} is missing: the stored events go from {row.Seq - 1} to {row.Seq + 1}");
    }

    [Fact]
    public async Task Events_deleted_from_the_end_are_caught_by_the_tree_head_that_held_them()
    {
        var (_, head) = await Prepare();
        await Sql(db => db.Database.ExecuteSqlAsync($"DELETE FROM ledger_events WHERE \"Seq\" >= {head.TreeSize - 1}"));
        await ExpectInvalid(
            $"invalid: {LedgerAudit.Describe(head)}: it vouches for {head.TreeSize} events but the ledger holds {head.TreeSize - 1}: events were removed from the end");
    }

    [Fact]
    public async Task An_event_inserted_past_the_end_with_a_gap_is_named()
    {
        await Prepare();
        var last = await Count() - 1;
        var forged = LedgerWriter.Build(last + 2, LedgerEventCode.DemandClosed, app.Clock.GetUtcNow(), "intruder", null, new Dictionary<string, string?>());
        await Sql(async db =>
        {
            db.LedgerEvents.Add(forged);
            return await db.SaveChangesAsync();
        });
        await ExpectInvalid($"invalid: event {last + 1} is missing: the stored events go from {last} to {last + 2}");
    }

    /// <summary>The careful forger: an event slipped into the middle and every later event renumbered and rehashed,
    /// so each row checks out on its own. Only the signed tree head can tell.</summary>
    [Fact]
    public async Task An_event_inserted_into_signed_history_with_every_later_row_rehashed_is_caught_by_the_tree_head()
    {
        var (row, head) = await Prepare();
        await Sql(async db =>
        {
            var later = await db.LedgerEvents.AsNoTracking().Where(e => e.Seq >= row.Seq).OrderBy(e => e.Seq).ToListAsync();
            await db.LedgerEvents.Where(e => e.Seq >= row.Seq).ExecuteDeleteAsync();
            db.LedgerEvents.Add(LedgerWriter.Build(row.Seq, LedgerEventCode.DecisionApproved, row.At, "approver", row.SubjectId, new Dictionary<string, string?>()));
            foreach (var e in later)
            {
                db.LedgerEvents.Add(LedgerWriter.Build(e.Seq + 1, (LedgerEventCode)e.Code, e.At, e.Actor, e.SubjectId, Fields(e.Data)));
            }

            return await db.SaveChangesAsync();
        });
        await ExpectInvalid(
            $"invalid: {LedgerAudit.Describe(head)}: it signs root {HashText.ToHex(head.RootHash)} but the events now give",
            $"an event at or before event {head.TreeSize - 1} was altered, inserted or removed");
    }

    /// <summary>Activity, a tree head over it, and more activity after it; returns a DemandCreated event inside the
    /// head and the head, after checking the untouched ledger is valid.</summary>
    private async Task<(LedgerEventRecord Event, TreeHeadRecord Head)> Prepare()
    {
        await CreateActivity(app);
        var issued = await IssueTreeHead(app);
        await CreateActivity(app);
        var run = await Verify(app);
        Assert.True(run.ExitCode == 0 && run.Output.EndsWith("valid", StringComparison.Ordinal), run.ToString());

        LedgerEventRecord? row = null;
        TreeHeadRecord? head = null;
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            row = await db.LedgerEvents.AsNoTracking().Where(e => e.Code == (int)LedgerEventCode.DemandCreated).OrderBy(e => e.Seq).FirstAsync();
            head = await db.TreeHeads.AsNoTracking().SingleAsync(h => h.Id == issued.GetProperty("id").GetInt64());
        });
        Assert.True(row!.Seq > 0 && row.Seq < head!.TreeSize - 1);
        return (row, head);
    }

    private async Task ExpectInvalid(params string[] expected)
    {
        var run = await Verify(app);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(run.Error);
        Assert.DoesNotContain('\n', run.Output);
        Assert.StartsWith(expected[0], run.Output, StringComparison.Ordinal);
        foreach (var part in expected.Skip(1))
        {
            Assert.Contains(part, run.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>A change made the way an intruder with database access would: the append-only triggers dropped
    /// first.</summary>
    private async Task Sql(Func<RightsDeskDbContext, Task<int>> change) =>
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            await DropAppendOnlyTriggers(db);
            Assert.True(await change(db) > 0);
        });

    private async Task<long> Count()
    {
        long count = 0;
        await app.InScope(async sp => count = await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.LongCountAsync());
        return count;
    }

    private static string Forge(string actor) => actor[..^1] + (actor[^1] == 'x' ? 'y' : 'x');

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = bytes.ToArray();
        copy[index] ^= 0x01;
        return copy;
    }

    private static Dictionary<string, string?> Fields(string data)
    {
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString());
    }
}

public sealed class SqliteLedgerVerifyTests : LedgerVerifyTests<SqliteDeskApp>;

public sealed class PostgresLedgerVerifyTests : LedgerVerifyTests<PostgresDeskApp>;
