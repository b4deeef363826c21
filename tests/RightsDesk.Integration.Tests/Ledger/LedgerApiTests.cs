using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RightsDesk.Core.Ledger;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Data.Ledger;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Ledger;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Ledger;

/// <summary>/api/v1/ledger: signed tree heads anyone can check, and events and proofs an auditor can check offline
/// with `rightsdesk ledger verify-*`. Each case runs on SQLite and on PostgreSQL.</summary>
public abstract class LedgerApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DeskApp
{
    [Fact]
    public async Task A_tree_head_is_public_and_its_signature_checks_out_under_the_published_key()
    {
        await CreateActivity(app);
        var issued = await IssueTreeHead(app);

        var anonymous = app.CreateClient();
        var latest = await Json(await anonymous.GetAsync("/api/v1/ledger/tree-heads/latest"));
        Assert.Equal(issued.GetProperty("id").GetInt64(), latest.GetProperty("id").GetInt64());
        var key = await Json(await anonymous.GetAsync("/api/v1/ledger/public-key"));
        var pem = key.GetProperty("publicKeyPem").GetString()!;
        using var publicKey = TreeHeadSigner.ImportPublicKeyPem(pem);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(publicKey.ExportSubjectPublicKeyInfo())), key.GetProperty("keyId").GetString());
        Assert.Equal(key.GetProperty("keyId").GetString(), latest.GetProperty("keyId").GetString());
        Assert.Equal(Convert.ToBase64String(publicKey.ExportSubjectPublicKeyInfo()), key.GetProperty("subjectPublicKeyInfo").GetString());

        // Rebuilt from the published numbers alone, as an auditor without RightsDesk would.
        var head = new TreeHead(
            latest.GetProperty("treeSize").GetInt64(),
            Convert.FromHexString(latest.GetProperty("rootHash").GetString()!),
            DateTimeOffset.FromUnixTimeMilliseconds(latest.GetProperty("timestampMillis").GetInt64()),
            Convert.FromBase64String(latest.GetProperty("signature").GetString()!));
        Assert.True(TreeHeadSigner.Verify(head, publicKey).IsValid);
        Assert.Equal(Convert.ToBase64String(head.ToSignedBytes()), latest.GetProperty("signedBytes").GetString());
        Assert.True(publicKey.VerifyData(head.ToSignedBytes(), head.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        // The size signed is the whole ledger, and the root is the tree over its stored leaf hashes.
        await app.InScope(async sp =>
        {
            var leaves = await sp.GetRequiredService<RightsDeskDbContext>().LedgerEvents.OrderBy(e => e.Seq).Select(e => e.LeafHash).ToListAsync();
            var tree = new MerkleTree();
            tree.AppendLeafHashes(leaves.Take((int)head.Size).SelectMany(l => l).ToArray());
            Assert.Equal(HashText.ToHex(tree.RootHash()), latest.GetProperty("rootHash").GetString());
        });

        var byId = await anonymous.GetAsync($"/api/v1/ledger/tree-heads/{latest.GetProperty("id").GetInt64()}");
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.DoesNotContain("issuedBy", await byId.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Tree_heads_are_listed_in_pages_and_bad_paging_is_refused()
    {
        await CreateActivity(app);
        await IssueTreeHead(app);
        await CreateActivity(app);
        await IssueTreeHead(app);
        var anonymous = app.CreateClient();

        var first = await Json(await anonymous.GetAsync("/api/v1/ledger/tree-heads?limit=1"));
        Assert.Single(first.GetProperty("items").EnumerateArray());
        var next = first.GetProperty("next").GetInt64();
        var rest = await Json(await anonymous.GetAsync($"/api/v1/ledger/tree-heads?after={next}&limit=1000"));
        Assert.All(rest.GetProperty("items").EnumerateArray(), h => Assert.True(h.GetProperty("id").GetInt64() > next));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next").ValueKind);
        var sizes = rest.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("treeSize").GetInt64()).ToList();
        Assert.Equal(sizes.Order(), sizes);

        foreach (var bad in new[] { "limit=0", "limit=1001", "limit=ten", "after=-1" })
        {
            var refused = await anonymous.GetAsync("/api/v1/ledger/tree-heads?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var errors = (await Json(refused)).GetProperty("errors");
            Assert.True(errors.TryGetProperty(bad.Split('=')[0], out _), bad + ": " + errors);
        }
    }

    [Fact]
    public async Task Issuing_and_reading_events_need_ledger_read_and_proofs_are_public()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/ledger/tree-heads", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/ledger/events")).StatusCode);
        var intake = await app.ClientFor(Roles.Intake);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.PostAsync("/api/v1/ledger/tree-heads", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.GetAsync("/api/v1/ledger/events")).StatusCode);

        // Proofs carry only hashes: anyone holding a tree head may check it (answered, or refused for want of a head).
        await CreateActivity(app);
        var head = await IssueTreeHead(app);
        var size = head.GetProperty("treeSize").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/ledger/proofs/inclusion?index=0&size={size}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/ledger/proofs/consistency?size1={size}&size2={size}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await intake.GetAsync($"/api/v1/ledger/proofs/consistency?size1={size}&size2={size}")).StatusCode);
        var admin = await app.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/ledger/events?limit=1")).StatusCode);

        // The machine-readable contract lists the ledger's endpoints.
        var contract = await anonymous.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/ledger/tree-heads", "/api/v1/ledger/public-key", "/api/v1/ledger/proofs/inclusion", "/api/v1/ledger/proofs/consistency", "/api/v1/ledger/events", "/api/v1/ledger/checkpoint" })
        {
            Assert.Contains($"\"{path}\"", contract, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Events_carry_what_is_needed_to_recompute_their_leaf_hash()
    {
        await CreateActivity(app);
        var auditor = await app.ClientFor(Roles.Auditor);
        var page = await Json(await auditor.GetAsync("/api/v1/ledger/events?from=0&limit=3"));
        Assert.Equal(3, page.GetProperty("items").GetArrayLength());
        Assert.Equal(3, page.GetProperty("next").GetInt64());
        var size = page.GetProperty("treeSize").GetInt64();

        var all = new List<JsonElement>();
        for (long? from = 0; from is not null;)
        {
            var p = await Json(await auditor.GetAsync($"/api/v1/ledger/events?from={from}&limit=7"));
            all.AddRange(p.GetProperty("items").EnumerateArray());
            from = p.GetProperty("next").ValueKind == JsonValueKind.Null ? null : p.GetProperty("next").GetInt64();
        }

        Assert.True(all.Count >= size);
        Assert.Equal(Enumerable.Range(0, all.Count).Select(i => (long)i), all.Select(e => e.GetProperty("seq").GetInt64()));
        foreach (var e in all)
        {
            var salt = Convert.FromHexString(e.GetProperty("salt").GetString()!);
            var data = Encoding.UTF8.GetBytes(e.GetProperty("data").GetString()!);
            Assert.Equal(e.GetProperty("leafHash").GetString(), HashText.ToHex(MerkleHash.HashLeaf([.. salt, .. data])));
        }

        Assert.Contains(all, e => e.GetProperty("name").GetString() == nameof(LedgerEventCode.DemandCreated) && e.GetProperty("code").GetInt32() == 1000);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/v1/ledger/events?limit=1001")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/v1/ledger/events?from=x")).StatusCode);
    }

    [Fact]
    public async Task Proofs_are_given_against_signed_tree_heads_and_check_out_with_the_cli()
    {
        await CreateActivity(app);
        var older = await IssueTreeHead(app);
        await CreateActivity(app);
        var newer = await IssueTreeHead(app);
        var auditor = await app.ClientFor(Roles.Auditor);
        var size = newer.GetProperty("treeSize").GetInt64();
        var events = await Json(await auditor.GetAsync("/api/v1/ledger/events?limit=1000"));

        foreach (var index in new[] { 0, size / 2, size - 1 }.Distinct())
        {
            var proof = await Json(await auditor.GetAsync($"/api/v1/ledger/proofs/inclusion?index={index}&size={size}"));
            Assert.Equal(newer.GetProperty("rootHash").GetString(), proof.GetProperty("rootHash").GetString());
            Assert.Equal(events.GetProperty("items")[(int)index].GetProperty("leafHash").GetString(), proof.GetProperty("leafHash").GetString());
            var hashes = proof.GetProperty("proof").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();
            Assert.True(MerkleVerifier.VerifyInclusion(
                Convert.FromHexString(proof.GetProperty("leafHash").GetString()!), (ulong)index, (ulong)size, hashes,
                Convert.FromHexString(proof.GetProperty("rootHash").GetString()!)).IsValid);
            var run = await RunCli(Arguments(proof.GetProperty("command").GetString()!));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("valid", run.Output);
        }

        // Without a size, the latest tree head.
        var latest = await Json(await auditor.GetAsync("/api/v1/ledger/proofs/inclusion?index=1"));
        Assert.Equal(size, latest.GetProperty("treeSize").GetInt64());

        var size1 = older.GetProperty("treeSize").GetInt64();
        var consistency = await Json(await auditor.GetAsync($"/api/v1/ledger/proofs/consistency?size1={size1}&size2={size}"));
        Assert.Equal(older.GetProperty("rootHash").GetString(), consistency.GetProperty("root1").GetString());
        Assert.Equal(newer.GetProperty("rootHash").GetString(), consistency.GetProperty("root2").GetString());
        var check = await RunCli(Arguments(consistency.GetProperty("command").GetString()!));
        Assert.True(check.ExitCode == 0, check.ToString());

        // Equal sizes: the empty proof, written so it can be pasted.
        var same = await Json(await auditor.GetAsync($"/api/v1/ledger/proofs/consistency?size1={size}"));
        Assert.Equal(0, same.GetProperty("proof").GetArrayLength());
        Assert.EndsWith("--proof \"\"", same.GetProperty("command").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await RunCli(Arguments(same.GetProperty("command").GetString()!))).ExitCode);
    }

    [Fact]
    public async Task Bad_proof_requests_are_refused_with_what_to_do()
    {
        await CreateActivity(app);
        var head = await IssueTreeHead(app);
        var size = head.GetProperty("treeSize").GetInt64();
        var auditor = await app.ClientFor(Roles.Auditor);

        async Task<string> Refused(string query, string field)
        {
            var response = await auditor.GetAsync("/api/v1/ledger/proofs/" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await Json(response)).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var messages), query + ": " + errors);
            return messages[0].GetString()!;
        }

        Assert.Contains($"holds events 0 to {size - 1}", await Refused($"inclusion?index={size}&size={size}", "index"), StringComparison.Ordinal);
        Assert.Contains("POST /api/v1/ledger/tree-heads", await Refused($"inclusion?index={size + 5}", "index"), StringComparison.Ordinal);
        Assert.Contains("No tree head of size", await Refused($"inclusion?index=0&size={size + 1000}", "size"), StringComparison.Ordinal);
        Assert.Contains("Required", await Refused("inclusion", "index"), StringComparison.Ordinal);
        Assert.Contains("whole number", await Refused("inclusion?index=-1", "index"), StringComparison.Ordinal);
        Assert.Contains("whole number", await Refused("inclusion?index=0&size=0", "size"), StringComparison.Ordinal);
        Assert.Contains("larger than size2", await Refused($"consistency?size1={size + 1}&size2={size}", "size1"), StringComparison.Ordinal);
        Assert.Contains("whole number", await Refused("consistency?size1=0", "size1"), StringComparison.Ordinal);
        Assert.Contains("Required", await Refused("consistency", "size1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schedule_signs_only_when_the_ledger_grew()
    {
        await CreateActivity(app);
        await app.InScope(async sp =>
        {
            var service = sp.GetRequiredService<TreeHeadService>();
            var first = await service.IssueAsync(TreeHeadService.Schedule, onlyIfGrown: true, default);
            Assert.NotNull(first);
            Assert.Null(await service.IssueAsync(TreeHeadService.Schedule, onlyIfGrown: true, default));
            var onDemand = await service.IssueAsync("auditor", onlyIfGrown: false, default);
            Assert.Equal(first.TreeSize, onDemand!.TreeSize);
            Assert.True(onDemand.Id > first.Id);
        });

        // The worker itself: a head at start when the ledger grew, then one per interval, on the app's clock.
        await CreateActivity(app);
        long before = 0;
        await app.InScope(async sp => before = await sp.GetRequiredService<RightsDeskDbContext>().TreeHeads.MaxAsync(h => h.Id));
        var options = new LedgerOptions { TreeHeadInterval = TimeSpan.FromHours(1) };
        using var worker = new TreeHeadWorker(app.Services.GetRequiredService<IServiceScopeFactory>(), options, app.Clock, NullLogger<TreeHeadWorker>.Instance);
        await worker.StartAsync(default);
        try
        {
            var atStart = await WaitForHead(size => size > 0, before);
            await CreateActivity(app);
            app.Clock.Advance(options.TreeHeadInterval);
            var next = await WaitForHead(size => size > atStart.TreeSize, atStart.Id);
            Assert.Equal(TreeHeadService.Schedule, next.IssuedBy);
        }
        finally
        {
            await worker.StopAsync(default);
        }
    }

    private async Task<TreeHeadRecord> WaitForHead(Func<long, bool> sizeIs, long after)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            TreeHeadRecord? head = null;
            await app.InScope(async sp => head = await sp.GetRequiredService<RightsDeskDbContext>().TreeHeads
                .Where(h => h.Id > after && h.IssuedBy == TreeHeadService.Schedule)
                .OrderByDescending(h => h.Id).FirstOrDefaultAsync());
            if (head is not null && sizeIs(head.TreeSize))
            {
                return head;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The worker issued no tree head within 10 seconds.");
    }
}

public sealed class SqliteLedgerApiTests(SqliteDeskApp app) : LedgerApiTests<SqliteDeskApp>(app);

public sealed class PostgresLedgerApiTests(PostgresDeskApp app) : LedgerApiTests<PostgresDeskApp>(app);
