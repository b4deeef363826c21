using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RightsDesk.Data;
using static RightsDesk.Integration.Tests.Ledger.LedgerSupport;

namespace RightsDesk.Integration.Tests.Cli;

/// <summary>
/// `rightsdesk bench report` on a small store, as an operator runs it for a quick look. What is checked is what the
/// figures rest on, never how fast this machine is: the figures' form, that the report covered every demand of the
/// half the GROUP BY counted, that a report version was published in the store it built, and that the published
/// report verifies against that store.
/// </summary>
public sealed class ReportBenchTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rightsdesk-bench-report-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Bench_report_prints_its_figures_beside_the_baseline_and_publishes_a_report_that_verifies()
    {
        var run = await RunCli(["bench", "report", "--decisions", "3000", "--demands", "400", "--data-dir", _dir]);
        Assert.True(run.ExitCode == 0, run.ToString());

        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.All(lines, line => Assert.Matches(@"^[a-z0-9_]+: [0-9]+(\.[0-9]+)? [A-Za-z/]+$", line));
        var figures = lines.Select(l => l.Split(' ')).ToDictionary(p => p[0].TrimEnd(':'), p => (Value: double.Parse(p[1], CultureInfo.InvariantCulture), Unit: p[2]));
        foreach (var (name, unit) in new[]
        {
            ("store_build_time", "s"), ("store_build_rate", "rows/s"), ("rollup_rebuild_rows", "rows"), ("rollup_rebuild_time", "ms"),
            ("demand_rollup_rebuild_rows", "rows"), ("demand_rollup_rebuild_time", "ms"), ("report_phase_demands", "ms"), ("report_phase_moderation", "ms"),
            ("report_with_rollups", "ms"), ("report_year", "year"), ("report_half", "half"), ("report_full_scan", "ms"), ("report_full_scan_to_rollups_ratio", "x"),
            ("report_gc_heap_peak", "MB"), ("baseline_group_by_demands_time", "ms"), ("report_with_rollups_to_baseline_ratio", "x"),
            ("dsa_export_time", "ms"), ("baseline_group_by_decisions_time", "ms"), ("dsa_to_baseline_ratio", "x"), ("peak_working_set", "MB"),
        })
        {
            Assert.True(figures.ContainsKey(name), name + " is missing:\n" + run.Output);
            Assert.Equal(unit, figures[name].Unit);
            Assert.True(figures[name].Value > 0, name + " is not positive:\n" + run.Output);
        }

        Assert.Equal(3000, figures["stored_decisions"].Value);
        Assert.Equal(400, figures["stored_demands"].Value);
        Assert.Equal(400, figures["demand_rollup_rebuild_rows"].Value);
        // The demands are spread over July 2025 to June 2026: the first half of 2026 holds about half of them. The
        // full scan and the report from the rollups keep the same records: the demands and a tally per month and
        // tuple (at most one per decision; at a million they share), with the same figures.
        Assert.InRange(figures["baseline_group_by_demands_rows"].Value, 190, 210);
        Assert.InRange(figures["baseline_group_by_decisions_rows"].Value, 1450, 1550);
        Assert.Equal(figures["report_records"].Value, figures["report_full_scan_records"].Value);
        Assert.InRange(figures["report_records"].Value, figures["baseline_group_by_demands_rows"].Value + 1,
            figures["baseline_group_by_demands_rows"].Value + figures["baseline_group_by_decisions_rows"].Value);
        Assert.Equal(0, figures["report_full_scan_figures_differing"].Value);
        Assert.Equal(11, figures["dsa_sheets"].Value);
        Assert.Contains("bench report: 3,000 moderation decisions and 400 demands", run.Error, StringComparison.Ordinal);

        // The store it kept holds the published half-year, with the record count printed.
        var database = $"Data Source={Path.Combine(_dir, "report.db")}";
        await using (var db = DataServices.CreateContext(new DatabaseOptions { Engine = DatabaseEngine.Sqlite, ConnectionString = database }))
        {
            var published = await db.TransparencyReports.AsNoTracking().SingleAsync(r => r.Period == "2026-H1");
            Assert.Equal((long)figures["report_records"].Value, published.RecordCount);
            Assert.Equal(400, await db.Demands.CountAsync());
            Assert.Equal(3000, await db.ModerationDecisions.CountAsync());
        }

        // Written out and verified as an operator would: the figures recompute from the store's sealed rows.
        var store = new[] { "--connection-string", database, "--key-file", Path.Combine(_dir, "keys.json") };
        var files = Path.Combine(_dir, "out");
        var written = await RunCli(["report", "--period", "2026-H1", "--out", files, .. store]);
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Contains("version: 1 (unchanged since it was published)", written.Output, StringComparison.Ordinal);
        var verified = await RunCli(["report", "verify", files, .. store]);
        Assert.True(verified.ExitCode == 0, verified.ToString());

        // Timed again over the kept store: a half it published already is refused (its figures would come back
        // unchanged and nothing be written, which times less than a publication); the other half is timed, with
        // the store's own counts and no build.
        var same = await RunCli(["bench", "report", "--reuse", "--data-dir", _dir]);
        Assert.Equal(2, same.ExitCode);
        Assert.Contains("2026-H1 is already published in this store", same.Error, StringComparison.Ordinal);
        var other = await RunCli(["bench", "report", "--reuse", "--period", "2025-H2", "--decisions", "5", "--data-dir", _dir]);
        Assert.True(other.ExitCode == 0, other.ToString());
        var again = other.Output.Split('\n', StringSplitOptions.TrimEntries).Select(l => l.Split(' ')).ToDictionary(p => p[0].TrimEnd(':'), p => p[1]);
        Assert.Equal(("3000", "400", "2025", "2", "2025"), (again["stored_decisions"], again["stored_demands"], again["report_year"], again["report_half"], again["dsa_year"]));
        Assert.False(again.ContainsKey("store_build_time"));
        Assert.Equal("0", again["report_full_scan_figures_differing"]);
        await using (var db = DataServices.CreateContext(new DatabaseOptions { Engine = DatabaseEngine.Sqlite, ConnectionString = database }))
        {
            Assert.Equal(3000, await db.ModerationDecisions.CountAsync());
            Assert.True(await db.TransparencyReports.AnyAsync(r => r.Period == "2025-H2"));
        }
    }

    [Fact]
    public async Task Bench_report_reuses_only_a_store_it_kept()
    {
        var run = await RunCli(["bench", "report", "--reuse", "--data-dir", _dir]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--reuse needs the --data-dir of an earlier run", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "report.db")));
    }

    [Fact]
    public async Task Bench_report_refuses_an_empty_store()
    {
        var run = await RunCli(["bench", "report", "--decisions", "0", "--demands", "0"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not both 0", run.Error, StringComparison.Ordinal);
    }
}
