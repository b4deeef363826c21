using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Application.Transparency;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using RightsDesk.Integration.Tests.Support;
using RightsDesk.Web.Public;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Transparency;

/// <summary>
/// `rightsdesk report` over demands made through the API, on SQLite and PostgreSQL: the files a reader gets, figures
/// that reconcile and hide small counts, the ledger event with the files' hashes, and versions: the same figures stay
/// one version, a changed figure makes the next version, which says what changed, and the first stays.
/// </summary>
public abstract class ReportCommandTests<TApp> : IAsyncLifetime where TApp : DeskApp, new()
{
    private readonly TApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task A_report_is_published_with_reconciling_banded_figures_and_its_files_are_in_the_ledger()
    {
        for (var i = 0; i < 12; i++)
        {
            var id = await CreateDemand("01-us-search-warrant");
            if (i < 3)
            {
                var reviewer = await app.ClientFor(Roles.LegalReviewer);
                var decided = await reviewer.PostAsJsonAsync($"/api/v1/demands/{id}/decision", new { outcome = "reject", reason = "Overbroad: the warrant names more than the case needs." });
                Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
            }
        }

        await CreateDemand("13-regional-shutdown-order");
        var dir = Path.Combine(app.Dir, "report-h1");
        var run = await RunCli(["report", "--period", "2026-H1", "--out", dir, .. Store(app)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("version: 1", run.Output, StringComparison.Ordinal);
        foreach (var file in new[] { "report.csv", "report.json", "report.schema.json", "report.html", "datapackage.json", "manifest.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        }

        var csv = (await File.ReadAllLinesAsync(Path.Combine(dir, "report.csv"))).Select(l => l.Split(',')).ToList();
        var header = csv[0];
        Assert.Equal(["period", "table", "measure"], header[..3]);
        Assert.Equal(["value_low", "value_high", "unit", "n"], header[^4..]);
        Assert.Contains("country", header);
        var rows = csv.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.All(rows, r => Assert.Equal("2026-H1", r["period"]));
        Assert.DoesNotContain(rows, r => r["country"] == "UK");

        // No count from 1 to 9 is published exactly, and every breakdown's bands admit its total.
        var counts = rows.Where(r => r["unit"] is "requests" or "accounts" or "items" or "users").ToList();
        Assert.DoesNotContain(counts, r => r["value_low"] == r["value_high"] && long.Parse(r["value_low"], CultureInfo.InvariantCulture) is >= 1 and <= 9);
        foreach (var table in counts.Where(r => r.Any(c => header[3..^4].Contains(c.Key) && c.Value.Length > 0)).GroupBy(r => (r["table"], r["measure"])))
        {
            var prefix = table.Key.Item1[..table.Key.Item1.IndexOf("_by_", StringComparison.Ordinal)];
            var total = counts.Single(r => r["table"] == prefix + "_totals" && r["measure"] == table.Key.Item2);
            var sumLow = table.Sum(r => long.Parse(r["value_low"], CultureInfo.InvariantCulture));
            var sumHigh = table.Sum(r => r["value_high"].Length == 0 ? long.MaxValue / 64 : long.Parse(r["value_high"], CultureInfo.InvariantCulture));
            Assert.True(sumLow <= High(total) && Low(total) <= sumHigh, $"{table.Key} does not reconcile with its total");
        }

        // The user data total (12) is within what is published, and the shutdown is counted apart from it.
        var userData = counts.Single(r => r["table"] == "user_data_totals" && r["measure"] == "requests");
        Assert.InRange(12, Low(userData), High(userData));
        Assert.Contains(counts, r => r["table"] == "disruption_by_country" && r["country"] == "IN");

        // The ledger event carries the hashes of the files as written.
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "manifest.json")))!;
        var events = await Events();
        var published = Assert.Single(events);
        using var fields = JsonDocument.Parse(published);
        foreach (var file in new[] { "report.csv", "report.json", "report.html", "report.schema.json" })
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(dir, file))));
            Assert.Equal(sha, fields.RootElement.GetProperty("file:" + file).GetString());
            Assert.Equal(sha, manifest["files"]![file]!.GetValue<string>());
        }

        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")))!;
        Assert.Equal(fields.RootElement.GetProperty("treeSize").GetString(), json["treeHead"]!["size"]!.ToString());
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "datapackage.json")))!;
        var columns = package["resources"]![0]!["schema"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(header, columns);
        Assert.True((await Verify(app)).ExitCode == 0);

        // The public page shows it with a chart drawn on the server, and serves the same bytes the ledger names.
        var anonymous = app.CreateClient();
        var page = await anonymous.GetStringAsync("/en/transparency");
        Assert.Contains("2026-H1", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        var served = await anonymous.GetByteArrayAsync("/transparency/files/2026-H1/1/report.csv");
        Assert.Equal(fields.RootElement.GetProperty("file:report.csv").GetString(), Convert.ToHexStringLower(SHA256.HashData(served)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/transparency/files/2026-H1/1/keys.json")).StatusCode);

        // In French the tables are in French, each row with the files' own word beside it.
        var french = await anonymous.GetStringAsync("/fr/transparency");
        var fr = await app.InScope(sp => Task.FromResult(sp.GetRequiredService<PublicCatalogue>().Find("fr")!));
        var html = HtmlEncoder.Create(UnicodeRanges.All);
        Assert.Contains("<caption>" + html.Encode(fr["report.table.user_data_by_outcome"]) + " <code class=\"word\" lang=\"en\" dir=\"ltr\">user_data_by_outcome</code>", french, StringComparison.Ordinal);
        Assert.Contains(html.Encode(fr["report.value.outcome.pending"]) + " <code class=\"word\" lang=\"en\" dir=\"ltr\">pending</code>", french, StringComparison.Ordinal);
        Assert.DoesNotContain(html.Encode(ReportTables.Title("user_data_by_outcome")), french, StringComparison.Ordinal);
        Assert.Contains(html.Encode(ReportTables.Title("user_data_by_outcome")), page, StringComparison.Ordinal);

        // The same figures again: still version 1. A new demand changes them: version 2 says what changed; 1 stays.
        var again = await RunCli(["report", "--period", "2026-H1", "--out", dir, .. Store(app)]);
        Assert.Contains("version: 1 (unchanged", again.Output, StringComparison.Ordinal);
        await CreateDemand("03-us-subpoena-overbroad");
        var corrected = await RunCli(["report", "--period", "2026-H1", "--out", Path.Combine(app.Dir, "report-h1-v2"), .. Store(app)]);
        Assert.True(corrected.ExitCode == 0, corrected.ToString());
        Assert.Contains("version: 2", corrected.Output, StringComparison.Ordinal);
        var v2 = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app.Dir, "report-h1-v2", "report.json")))!;
        Assert.NotEmpty(v2["changes"]!.AsArray());
        Assert.Equal(2, (await Events()).Count);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/transparency/files/2026-H1/1/report.json")).StatusCode);
        Assert.Contains("What this version corrects", await anonymous.GetStringAsync("/en/transparency?period=2026-H1"), StringComparison.Ordinal);
        await app.InScope(async sp => Assert.Equal([1, 2], await sp.GetRequiredService<RightsDeskDbContext>().TransparencyReports
            .Where(r => r.Period == "2026-H1").OrderBy(r => r.Version).Select(r => r.Version).ToListAsync()));
    }

    [Fact]
    public async Task A_period_in_another_shape_is_refused_before_anything_is_opened()
    {
        var run = await RunCli(["report", "--period", "2026-Q1", "--out", Path.Combine(app.Dir, "x"), .. Store(app)]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("YYYY, YYYY-H1 or YYYY-H2", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.Dir, "x")));
    }

    private static long Low(Dictionary<string, string> r) => long.Parse(r["value_low"], CultureInfo.InvariantCulture);

    private static long High(Dictionary<string, string> r) => r["value_high"].Length == 0 ? long.MaxValue / 64 : long.Parse(r["value_high"], CultureInfo.InvariantCulture);

    private async Task<string> CreateDemand(string example)
    {
        var node = JsonNode.Parse(TestRepo.Example(example))!;
        if (node["targets"] is JsonArray { Count: > 0 } targets && targets[0]!["id"] is not null)
        {
            targets[0]!["id"] = "acct-report-" + Guid.NewGuid().ToString("N")[..8];
        }

        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Json(created)).GetProperty("id").GetString()!;
    }

    private Task<List<string>> Events() => app.InScope(async sp =>
    {
        var db = sp.GetRequiredService<RightsDeskDbContext>();
        var rows = await db.LedgerEvents.Where(e => e.Code == (int)LedgerEventCode.TransparencyReportPublished).OrderBy(e => e.Seq).ToListAsync();
        return rows.Select(r => JsonDocument.Parse(r.Data).RootElement.GetProperty("fields").GetRawText()).ToList();
    });
}

public sealed class SqliteReportCommandTests : ReportCommandTests<SqliteDeskApp>;

public sealed class PostgresReportCommandTests : ReportCommandTests<PostgresDeskApp>;
