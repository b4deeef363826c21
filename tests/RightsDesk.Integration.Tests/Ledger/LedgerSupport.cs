using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RightsDesk.Cli;
using RightsDesk.Core.Security;
using RightsDesk.Data;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Integration.Tests.Support;

namespace RightsDesk.Integration.Tests.Ledger;

/// <summary>Shared steps of the ledger tests: activity through the API, and the CLI run against the test's store.</summary>
internal static class LedgerSupport
{
    public sealed record CliRun(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}, stdout: {Output}, stderr: {Error}";
    }

    public static async Task<CliRun> RunCli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return new CliRun(code, output.ToString().Trim(), error.ToString().Trim());
    }

    /// <summary>The options that point a command at the test app's database and key file.</summary>
    public static string[] Store(DeskApp app) =>
    [
        "--database-engine", app.Engine == DatabaseEngine.Postgres ? "postgres" : "sqlite",
        "--connection-string", app.ConnectionString,
        "--key-file", app.KeyFile,
    ];

    /// <summary>Drops the triggers that keep the ledger tables append-only, as an intruder with database access
    /// would before rewriting history; the tests that tamper with the ledger start here.</summary>
    public static async Task DropAppendOnlyTriggers(RightsDeskDbContext db)
    {
        var statements = db.Engine == DatabaseEngine.Postgres
            ? new[]
            {
                "DROP TRIGGER IF EXISTS ledger_events_append_only ON ledger_events",
                "DROP TRIGGER IF EXISTS ledger_events_no_truncate ON ledger_events",
                "DROP TRIGGER IF EXISTS tree_heads_append_only ON tree_heads",
                "DROP TRIGGER IF EXISTS tree_heads_no_truncate ON tree_heads",
            }
            : ["DROP TRIGGER IF EXISTS ledger_events_no_update", "DROP TRIGGER IF EXISTS ledger_events_no_delete",
                "DROP TRIGGER IF EXISTS tree_heads_no_update", "DROP TRIGGER IF EXISTS tree_heads_no_delete"];
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    public static Task<CliRun> Verify(DeskApp app, params string[] more) => RunCli(["ledger", "verify", .. Store(app), .. more]);

    /// <summary>A demand (created, assessed, read by a reviewer) and an at-risk entry: ledger events and rows with
    /// wrapped data keys in several tables.</summary>
    public static async Task<string> CreateActivity(DeskApp app)
    {
        var node = JsonNode.Parse(TestRepo.Example("01-us-search-warrant"))!;
        node["targets"]![0]!["id"] = "acct-ledger-" + Guid.NewGuid().ToString("N")[..8];
        var intake = await app.ClientFor(Roles.Intake);
        var created = await intake.PostAsync("/api/v1/demands", new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetString()!;
        var reviewer = await app.ClientFor(Roles.LegalReviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/v1/demands/{id}")).StatusCode);
        var lead = await app.ClientFor(Roles.HumanRightsLead);
        var added = await lead.PostAsJsonAsync("/api/v1/at-risk", new { id = "@hrd-" + Guid.NewGuid().ToString("N")[..6], category = "journalist", note = "ledger test" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return id;
    }

    public static async Task<JsonElement> IssueTreeHead(DeskApp app)
    {
        var auditor = await app.ClientFor(Roles.Auditor);
        var issued = await auditor.PostAsync("/api/v1/ledger/tree-heads", null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return await Json(issued);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>The arguments of a <c>command</c> field, as a shell would split it (the values hold no spaces).</summary>
    public static string[] Arguments(string command) =>
        [.. command.Split(' ').Skip(1).Select(a => a == "\"\"" ? "" : a)];
}
