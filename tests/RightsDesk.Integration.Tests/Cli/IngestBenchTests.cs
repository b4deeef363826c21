using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Core.Ledger.Events;
using RightsDesk.Data;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Cli;

/// <summary>
/// `rightsdesk bench ingest` as an operator runs it: its own instance on SQLite, decisions over HTTP, figures one a
/// line as `name: value unit`. What is checked is what the figures rest on, never how fast this machine is: every
/// decision landed as a row with its ledger event, none refused, and the ledger it wrote verifies.
/// </summary>
public sealed class IngestBenchTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rightsdesk-bench-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Bench_ingest_prints_its_figures_and_every_decision_lands_with_its_ledger_event()
    {
        var run = await RunCli(["bench", "ingest", "--count", "2000", "--batch", "500", "--data-dir", _dir]);
        Assert.True(run.ExitCode == 0, run.ToString());

        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.All(lines, line => Assert.Matches(@"^[a-z0-9_]+: [0-9]+(\.[0-9]+)? [A-Za-z/]+$", line));
        var figures = lines.Select(l => l.Split(' ')).ToDictionary(p => p[0].TrimEnd(':'), p => (Value: double.Parse(p[1], CultureInfo.InvariantCulture), Unit: p[2]));
        foreach (var (name, unit) in new[]
        {
            ("ingest_rate", "decisions/s"), ("baseline_insert_rate", "rows/s"), ("ingest_to_baseline_ratio", "x"),
            ("batch_latency_p50", "ms"), ("batch_latency_p95", "ms"), ("peak_working_set", "MB"), ("gc_heap_peak", "MB"),
        })
        {
            Assert.True(figures.ContainsKey(name), name + " is missing:\n" + run.Output);
            Assert.Equal(unit, figures[name].Unit);
            Assert.True(figures[name].Value > 0, name + " is not positive:\n" + run.Output);
        }

        Assert.Equal(2000, figures["decisions"].Value);
        Assert.Equal(2000, figures["created"].Value);
        Assert.Equal(0, figures["refused"].Value);
        Assert.Equal(2000, figures["stored_decisions"].Value);
        Assert.Equal(2000, figures["ledger_events"].Value);
        // Progress went to stderr, never among the figures.
        Assert.Contains("bench ingest: 2,000 decisions", run.Error, StringComparison.Ordinal);

        // The instance's store, kept by --data-dir, holds every decision sealed and ledgered, and its ledger verifies.
        var options = new DatabaseOptions { Engine = DatabaseEngine.Sqlite, ConnectionString = $"Data Source={Path.Combine(_dir, "ingest.db")}" };
        await using (var db = DataServices.CreateContext(options))
        {
            var rows = await db.ModerationDecisions.AsNoTracking().Where(r => r.Puid.StartsWith("bench-")).Select(r => new { r.Puid, r.SealedDecision, r.WrappedKey }).ToListAsync();
            Assert.Equal(2000, rows.Select(r => r.Puid).Distinct().Count());
            Assert.All(rows, r => Assert.True(r.SealedDecision.Length > 0 && r.WrappedKey.Length > 0));
            Assert.DoesNotContain(rows, r => System.Text.Encoding.UTF8.GetString(r.SealedDecision).Contains("Benchmark decision", StringComparison.Ordinal));
            Assert.Equal(2000, await db.LedgerEvents.CountAsync(e => e.Code == (int)LedgerEventCode.ModerationDecisionRecorded));
        }

        var verified = await RunCli(["ledger", "verify", "--data-dir", _dir, "--connection-string", options.ConnectionString]);
        Assert.True(verified.ExitCode == 0, verified.ToString());
    }

    [Fact]
    public async Task Export_dsa_over_a_bench_store_reads_every_page_once_and_profile_figures_leave_the_counts_alone()
    {
        var run = await RunCli(["bench", "ingest", "--count", "2000", "--batch", "500", "--profile", "--data-dir", _dir]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("stored_decisions: 2000 decisions", run.Output, StringComparison.Ordinal);
        foreach (var section in new[] { "parse_and_validate", "canonical_body_and_hash", "ladder", "seal", "stage", "record" })
        {
            Assert.Matches("(?m)^profile_" + section + @": [0-9]+\.[0-9] ms/1000 decisions$", run.Output);
        }

        // More decisions reach the EEA than one page of the keyset holds, so the export crosses a page boundary.
        var options = new DatabaseOptions { Engine = DatabaseEngine.Sqlite, ConnectionString = $"Data Source={Path.Combine(_dir, "ingest.db")}" };
        int reaching;
        await using (var db = DataServices.CreateContext(options))
        {
            reaching = await db.ModerationDecisions.CountAsync(r => r.ReachesEea);
        }

        Assert.True(reaching > Application.Exports.ExportDsaStatements.PageSize, reaching.ToString(CultureInfo.InvariantCulture));
        var outDir = Path.Combine(_dir, "dsa");
        var export = await RunCli(["export", "dsa", "--from", "2025-01-01", "--to", "2026-12-31", "--out", outDir, "--data-dir", _dir, "--connection-string", options.ConnectionString]);
        Assert.True(export.ExitCode == 0, export.ToString());
        var puids = new List<string>();
        foreach (var file in Application.Exports.BatchFile.In(outDir))
        {
            var statements = Application.Exports.BatchFile.Read(file);
            Assert.InRange(statements.Count, 1, 100);
            puids.AddRange(statements.Select(st => st["puid"]!.GetValue<string>()));
        }

        Assert.Equal(reaching, puids.Count);
        Assert.Equal(puids.Count, puids.Distinct(StringComparer.Ordinal).Count());
        Assert.Matches(@"statements written\s+" + reaching.ToString(CultureInfo.InvariantCulture), export.Output);
        Assert.Matches(@"peak memory \(MB\)\s+[0-9]+\.[0-9]", export.Output);
    }

    [Fact]
    public async Task Bench_ingest_refuses_a_url_without_a_token_file()
    {
        var run = await RunCli(["bench", "ingest", "--count", "10", "--url", "http://127.0.0.1:1"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--url and --token-file go together", run.Error, StringComparison.Ordinal);
    }
}
