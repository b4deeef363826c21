using System.Net;
using System.Security.Cryptography;
using System.Text;
using RightsDesk.Core.Ledger;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Ledger;

/// <summary>
/// What an outsider holding published tree heads can do with no account at all: fetch heads and a consistency
/// proof over HTTP and check it with `rightsdesk ledger verify-consistency`, read the latest head as a C2SP
/// checkpoint and check its signature, and no more than the ledger's rate limit allows.
/// </summary>
public abstract class LedgerPublicTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task An_anonymous_client_verifies_a_consistency_proof_between_two_published_heads_with_the_cli()
    {
        await CreateActivity(app);
        await IssueTreeHead(app);
        await CreateActivity(app);
        await IssueTreeHead(app);

        var anonymous = app.CreateClient();
        var heads = (await Json(await anonymous.GetAsync("/api/v1/ledger/tree-heads"))).GetProperty("items");
        Assert.Equal(2, heads.GetArrayLength());
        var (older, newer) = (heads[0], heads[1]);
        var (size1, size2) = (older.GetProperty("treeSize").GetInt64(), newer.GetProperty("treeSize").GetInt64());
        Assert.True(size1 < size2);

        var response = await anonymous.GetAsync($"/api/v1/ledger/proofs/consistency?size1={size1}&size2={size2}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proof = string.Join(',', (await Json(response)).GetProperty("proof").EnumerateArray().Select(p => p.GetString()));

        // The roots come from the heads the client holds, not from the proof's answer: that is what it checks.
        var run = await RunCli("ledger", "verify-consistency", "--size1", $"{size1}", "--size2", $"{size2}",
            "--root1", older.GetProperty("rootHash").GetString()!, "--root2", newer.GetProperty("rootHash").GetString()!, "--proof", proof);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("valid", run.Output);

        // A root the server never signed does not check out with that proof.
        var forged = older.GetProperty("rootHash").GetString()!;
        forged = (forged[0] == '0' ? "1" : "0") + forged[1..];
        var refused = await RunCli("ledger", "verify-consistency", "--size1", $"{size1}", "--size2", $"{size2}",
            "--root1", forged, "--root2", newer.GetProperty("rootHash").GetString()!, "--proof", proof);
        Assert.Equal(1, refused.ExitCode);
    }

    [Fact]
    public async Task The_latest_head_is_published_as_a_signed_c2sp_checkpoint()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/ledger/checkpoint")).StatusCode);
        await CreateActivity(app);
        var head = await IssueTreeHead(app);

        var response = await anonymous.GetAsync("/api/v1/ledger/checkpoint");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var checkpoint = await response.Content.ReadAsStringAsync();
        var key = await Json(await anonymous.GetAsync("/api/v1/ledger/public-key"));
        var spki = Convert.FromBase64String(key.GetProperty("subjectPublicKeyInfo").GetString()!);
        var origin = "rightsdesk.invalid/ledger/" + key.GetProperty("keyId").GetString()![..16];

        // Note text: origin, decimal size, base64 root; a blank line; one signature line.
        var parts = checkpoint.Split("\n\n");
        Assert.Equal(2, parts.Length);
        var text = parts[0] + "\n";
        Assert.Equal($"{origin}\n{head.GetProperty("treeSize").GetInt64()}\n{Convert.ToBase64String(Convert.FromHexString(head.GetProperty("rootHash").GetString()!))}\n", text);
        Assert.EndsWith("\n", parts[1], StringComparison.Ordinal);
        var line = parts[1].TrimEnd('\n').Split(' ');
        Assert.Equal(3, line.Length);
        Assert.Equal("\u2014", line[0]);
        Assert.Equal(origin, line[1]);
        var signature = Convert.FromBase64String(line[2]);

        // Signature type 0x02: key ID = SHA-256(SubjectPublicKeyInfo)[:4], then DER ECDSA over SHA-256 of the text.
        Assert.Equal(SHA256.HashData(spki)[..4], signature[..4]);
        using var publicKey = ECDsa.Create();
        publicKey.ImportSubjectPublicKeyInfo(spki, out _);
        Assert.True(TreeHeadSigner.VerifyNote(Encoding.UTF8.GetBytes(text), signature[4..], publicKey));
        Assert.False(TreeHeadSigner.VerifyNote(Encoding.UTF8.GetBytes(origin + "x" + text[origin.Length..]), signature[4..], publicKey));
    }

    [Fact]
    public async Task A_configured_origin_names_the_checkpoint()
    {
        await CreateActivity(app);
        await IssueTreeHead(app);
        await using var named = app.WithWebHostBuilder(b => b.UseSetting("Ledger:Origin", "rights.example.org/ledger"));
        var checkpoint = await named.CreateClient().GetStringAsync("/api/v1/ledger/checkpoint");
        Assert.StartsWith("rights.example.org/ledger\n", checkpoint, StringComparison.Ordinal);
        Assert.Contains("\n\u2014 rights.example.org/ledger ", checkpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_callers_are_rate_limited_on_the_ledger_endpoints()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:LedgerPublicPerMinute", "3"));
        var anonymous = limited.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await anonymous.GetAsync("/api/v1/ledger/tree-heads")).StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, codes);

        // An auditor signed in is limited by who they are, not by this budget.
        var auditor = limited.CreateClient();
        auditor.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenFor(Core.Security.Roles.Auditor));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/ledger/tree-heads")).StatusCode);
    }
}

public sealed class SqliteLedgerPublicTests : LedgerPublicTests<SqliteDeskApp>;

public sealed class PostgresLedgerPublicTests : LedgerPublicTests<PostgresDeskApp>;
