using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core.Demands;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// `rightsdesk report verify` on SQLite and PostgreSQL: a published report verifies with the database and from its
/// files alone, and still does after a later ledgered decision; a changed figure, a changed file, a forged tree head,
/// a stored case changed outside the desk and a truncated ledger each fail with a message that says what and where.
/// </summary>
public abstract class ReportVerifyTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task A_published_report_verifies_and_each_kind_of_tampering_with_its_files_is_named()
    {
        var ids = await Publish();
        var dir = Path.Combine(app.Dir, "report");
        var key = Path.Combine(app.Dir, "ledger.pem");
        var view = await (await app.CreateClient().GetAsync("/api/v1/ledger/public-key")).Content.ReadFromJsonAsync<JsonObject>();
        await File.WriteAllTextAsync(key, view!["publicKeyPem"]!.GetValue<string>());

        var honest = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.True(honest.ExitCode == 0, honest.ToString());
        Assert.DoesNotContain("FAIL", honest.Output, StringComparison.Ordinal);
        foreach (var check in new[] { "files", "tree head signature", "publication event", "tree head", "consistency", "inclusion", "records", "figures", "cases" })
        {
            Assert.Contains($"pass {check}:", honest.Output, StringComparison.Ordinal);
        }

        var offline = await RunCli(["report", "verify", Path.Combine(dir, "manifest.json"), "--offline", "--public-key", key]);
        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.DoesNotContain("publication event", offline.Output, StringComparison.Ordinal);

        // A later decision, through the desk, changes a case the report counted as pending: the report still stands.
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        var decided = await reviewer.PostAsJsonAsync($"/api/v1/demands/{ids[^1]}/decision", new { outcome = "reject", reason = "Overbroad: the warrant names more than the case needs." });
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var later = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.True(later.ExitCode == 0, later.ToString());
        Assert.Contains("pass cases: 1 cases changed after the report through steps ledgered after its tree head", later.Output, StringComparison.Ordinal);

        // A changed figure, with the manifest rewritten to match: the figures' hash and the ledger event catch it,
        // and the recomputation names the figure.
        var figured = Copy(dir, "figure");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(figured, "report.json")))!;
        var figure = json["figures"]!.AsArray().First(f => f!["table"]!.GetValue<string>() == "user_data_totals" && f["measure"]!.GetValue<string>() == "requests")!;
        figure["valueLow"] = 120;
        figure["valueHigh"] = 120;
        await Rewrite(figured, "report.json", json.ToJsonString());
        var changedFigure = await RunCli(["report", "verify", figured, .. Store(app)]);
        Assert.Equal(1, changedFigure.ExitCode);
        Assert.Contains("FAIL figures hash: the figures in report.json hash to", changedFigure.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL figures: 1 figures do not recompute from the records: user_data_totals/requests is 120 requests in the report but", changedFigure.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL publication event", changedFigure.Output, StringComparison.Ordinal);
        Assert.EndsWith("checks failed", changedFigure.Output, StringComparison.Ordinal);

        // A changed file, manifest untouched: named with both hashes, also offline.
        var filed = Copy(dir, "file");
        await File.AppendAllTextAsync(Path.Combine(filed, "report.html"), "<p>Nothing was demanded.</p>");
        var changedFile = await RunCli(["report", "verify", filed, "--offline", "--public-key", key]);
        Assert.Equal(1, changedFile.ExitCode);
        Assert.Contains("FAIL files: report.html has SHA-256", changedFile.Output, StringComparison.Ordinal);
        Assert.Contains("it was changed after publication", changedFile.Output, StringComparison.Ordinal);

        // A forged tree head: another root in report.json and the manifest, hashes rewritten.
        var forged = Copy(dir, "forged");
        var fake = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("a history that never happened")));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(forged, "report.json")))!;
        report["treeHead"]!["root"] = fake;
        await Rewrite(forged, "report.json", report.ToJsonString(), m => m["treeRoot"] = fake);
        var forgedRun = await RunCli(["report", "verify", forged, .. Store(app)]);
        Assert.Equal(1, forgedRun.ExitCode);
        Assert.Contains("FAIL tree head signature: the signature over size", forgedRun.Output, StringComparison.Ordinal);
        Assert.Contains($"not the report's {fake}: the report's tree head is not this ledger's (forged)", forgedRun.Output, StringComparison.Ordinal);
        var forgedOffline = await RunCli(["report", "verify", forged, "--offline", "--public-key", key]);
        Assert.Equal(1, forgedOffline.ExitCode);
    }

    [Fact]
    public async Task A_case_changed_outside_the_desk_names_the_figure_and_a_truncated_ledger_fails()
    {
        var ids = await Publish();
        var dir = Path.Combine(app.Dir, "report");
        var pending = Guid.Parse(ids[^1]);
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            Assert.Equal(1, await db.Demands.Where(d => d.Id == pending).ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DemandState.Closed)));
        });
        var altered = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.Equal(1, altered.ExitCode);
        Assert.Contains("FAIL cases: 1 stored cases differ from the report's records with no ledgered step after its tree head", altered.Output, StringComparison.Ordinal);
        Assert.Contains("outcome \"pending\" -> \"withdrawn\"", altered.Output, StringComparison.Ordinal);
        Assert.Contains("user_data_by_outcome/requests[outcome=withdrawn] is 0 requests in the report but 1-9 requests from the records", altered.Output, StringComparison.Ordinal);
        Assert.Contains("pass figures:", altered.Output, StringComparison.Ordinal);

        // Events removed from the end, the publication event among them.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            var published = await db.LedgerEvents.SingleAsync(e => e.Code == (int)LedgerEventCode.TransparencyReportPublished);
            await DropAppendOnlyTriggers(db);
            await db.LedgerEvents.Where(e => e.Seq >= published.Seq).ExecuteDeleteAsync();
        });
        var truncated = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.Equal(1, truncated.ExitCode);
        Assert.Contains("has no TransparencyReportPublished event for 2026-H1 version 1: the ledger was truncated after the report", truncated.Output, StringComparison.Ordinal);

        // And below the report's tree head.
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<RightsDeskDbContext>();
            await db.LedgerEvents.Where(e => e.Seq >= 3).ExecuteDeleteAsync();
        });
        var shorter = await RunCli(["report", "verify", dir, .. Store(app)]);
        Assert.Equal(1, shorter.ExitCode);
        Assert.Contains("FAIL tree head: the ledger holds 3 events but the report was computed at a tree head of", shorter.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_without_a_report_cannot_be_verified()
    {
        var run = await RunCli(["report", "verify", Path.Combine(app.Dir, "nothing"), "--offline"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL manifest: there is no manifest.json at", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Twelve demands, three rejected, published for 2026-H1 into app.Dir/report; the ids in order.</summary>
    private async Task<List<string>> Publish()
    {
        var ids = new List<string>();
        var intake = await app.ClientFor(Roles.Intake);
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        for (var i = 0; i < 12; i++)
        {
            var node = JsonNode.Parse(TestRepo.Example("01-us-search-warrant"))!;
            node["targets"]![0]!["id"] = "acct-verify-" + Guid.NewGuid().ToString("N")[..8];
            var created = await intake.PostAsync("/api/v1/demands", new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await Json(created)).GetProperty("id").GetString()!);
            if (i < 3)
            {
                var decided = await reviewer.PostAsJsonAsync($"/api/v1/demands/{ids[^1]}/decision", new { outcome = "reject", reason = "Overbroad: the warrant names more than the case needs." });
                Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
            }
        }

        var run = await RunCli(["report", "--period", "2026-H1", "--out", Path.Combine(app.Dir, "report"), .. Store(app)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return ids;
    }

    private string Copy(string dir, string name)
    {
        var to = Path.Combine(app.Dir, name);
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(dir))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        return to;
    }

    /// <summary>Writes a file and puts its new SHA-256 into the manifest, as a forger who controls the files would.</summary>
    private static async Task Rewrite(string dir, string file, string text, Action<JsonNode>? more = null)
    {
        await File.WriteAllTextAsync(Path.Combine(dir, file), text);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "manifest.json")))!;
        manifest["files"]![file] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        more?.Invoke(manifest);
        await File.WriteAllTextAsync(Path.Combine(dir, "manifest.json"), manifest.ToJsonString());
    }
}

public sealed class SqliteReportVerifyTests : ReportVerifyTests<SqliteDeskApp>;

public sealed class PostgresReportVerifyTests : ReportVerifyTests<PostgresDeskApp>;
